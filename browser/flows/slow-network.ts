/**
 * (s) The resident app on the network the seed's villagers have (issue #11): Chromium at 390×844 under
 * CDP's slow 3G (400 ms round trip, 400 kbit/s both ways), cache disabled (a first visit). Measures
 * when the sign-in page is usable, when the report form is usable (a signed-in resident opening /m/report
 * cold, until the description field takes text), and how long a report with one camera photo takes
 * (made small on the phone first): from tapping 上报 to the case number on the screen, and from choosing
 * the photo to it. Writes the figures to browser/.out/slow-network.json (bench/README.md records them
 * with the machine) with each compared to issue #11's goal. The timings are a measurement, not a test
 * (the house rule: speed goals are shown by measurements, not timed tests, whose verdict would follow the
 * machine's load): the flow fails when the app does not work under slow 3G, never because a figure is slow.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { BrowserTest } from '../harness';
import { apiResidentSignIn, phoneInVillageGrid, pickProblem, submitReport } from '../helpers';

const PHONE = '13911000001';
const SLOW_3G = { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 }; // bytes/s
/**
 * Issue #11's goals under this profile, cold cache (ms). "A report with one photo accepted" is held from
 * choosing the photo (made small and sent as it is picked) to the case number on the screen: it holds
 * the time from tapping 上报 to the number too, which is part of it.
 */
const GOALS = { signInUsableMs: 4000, reportFormUsableMs: 5000, reportWithPhotoAcceptedMs: 15_000 } as const;

async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
}

/** A 12-megapixel camera JPEG (synthetic, with sensor-like noise: it compresses about as a real scene does). */
async function cameraPhoto(): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  return sharp({
    create: {
      width: 4000,
      height: 3000,
      channels: 3,
      background: '#6d7f4f',
      noise: { type: 'gaussian', mean: 110, sigma: 12 },
    },
  })
    .jpeg({ quality: 92 })
    .toBuffer();
}

export const slowNetwork: BrowserTest = {
  name: 'resident app on slow 3G: sign-in usable, report form usable, a report with a camera photo accepted (measured)',
  slug: 's-slow-network',
  timeoutMs: 120_000,
  async run({ page, baseUrl }) {
    // a first visit: no service worker yet (it installs after the first load and would serve later ones)
    const mobile = await phoneInVillageGrid(page, baseUrl, '421081107212', { serviceWorkers: 'block' });
    const m = await mobile.newPage();
    m.setDefaultTimeout(45_000);
    try {
      await throttle(mobile, m);
      let t0 = Date.now();
      await m.goto('/m/sign-in', { waitUntil: 'commit' });
      await m.getByTestId('m-signin').waitFor();
      const signInUsable = Date.now() - t0;

      await apiResidentSignIn(m, PHONE); // page.request: the session cookie, not the page's traffic
      t0 = Date.now();
      await m.goto('/m/report', { waitUntil: 'commit' });
      const description = m.locator('#cc-m-description');
      await description.waitFor();
      if (!(await description.isEditable())) throw new Error('report form shown but its description is not editable');
      const reportFormUsable = Date.now() - t0;

      await pickProblem(m, '路灯', '路灯不亮');
      await description.fill('村口的路灯坏了好几天，晚上一片漆黑，老人出门不方便');
      await m.getByTestId('m-gps').click();
      const original = await cameraPhoto();
      t0 = Date.now();
      const staged = m.waitForResponse((r) => r.url().endsWith('/api/photos') && r.request().method() === 'POST');
      await m
        .getByTestId('m-photos')
        .locator('input[type=file]')
        .setInputFiles({ name: 'lamp.jpg', mimeType: 'image/jpeg', buffer: original });
      const photo = await staged;
      if (photo.status() !== 201) throw new Error(`photo upload under slow 3G: HTTP ${photo.status()}`);
      const { bytes: photoStoredBytes } = (await photo.json()) as { bytes: number };
      const t1 = Date.now();
      await submitReport(m);
      const caseNumber = await m.getByTestId('m-case-number').innerText();
      const sentToNumber = Date.now() - t1;
      const photoToNumber = Date.now() - t0;
      if (!/^\d{6}-\d{8}-\d{6}$/.test(caseNumber.trim())) throw new Error(`case number shown: "${caseNumber}"`);

      const figures = {
        profile: 'CDP slow 3G: 400 ms RTT, 400 kbit/s down and up, cache disabled, 390×844',
        signInUsableMs: signInUsable,
        reportFormUsableMs: reportFormUsable,
        reportWithPhotoAcceptedMs: photoToNumber,
        sentToCaseNumberMs: sentToNumber,
        photoOriginalBytes: original.length,
        photoStoredBytes,
      };
      writeFileSync(path.resolve('browser/.out/slow-network.json'), `${JSON.stringify(figures, null, 2)}\n`);
      console.log(`  slow 3G: ${JSON.stringify(figures)}`);
      for (const [k, goal] of Object.entries(GOALS)) {
        const v = figures[k as keyof typeof GOALS];
        console.log(`  slow 3G ${k}: ${v} ms, goal < ${goal} ms: ${v < goal ? 'met' : 'NOT met'}`);
      }
    } finally {
      await mobile.close();
    }
  },
};
