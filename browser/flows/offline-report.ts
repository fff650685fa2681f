/**
 * (o) A report written without network (issue #11): the resident (390×844) opens the report page,
 * the phone loses its network, they describe the problem — the page guesses it in plain words
 * (看起来是：路灯不亮) and pre-selects it — take a photo and submit; the report is kept on the phone
 * and 我的上报 shows it 待发送. The network comes back: it is sent once (exactly one new case, with
 * its photo, checked through the API) and 我的上报 shows its number. Opening the page again sends
 * nothing more. The app shell comes from the service worker while offline.
 */
import path from 'node:path';
import type { BrowserTest } from '../harness';
import { apiResidentSignIn, phoneInVillageGrid, TINY_PNG } from '../helpers';

const PHONE = '13926000001';

interface Mine {
  items: { id: string; number: string }[];
}

export const offlineReport: BrowserTest = {
  name: 'offline report: written without network, shown 待发送, sent once when the network returns, its number in 我的上报',
  slug: 'o-offline-report',
  timeoutMs: 60_000,
  async run({ page, baseUrl }) {
    const out = path.resolve('browser/.out');
    const mobile = await phoneInVillageGrid(page, baseUrl, '421081107212'); // 百子庵村
    const m = await mobile.newPage();
    const mine = async () => (await (await m.request.get('/api/cases?queue=mine')).json()) as Mine;
    try {
      m.setDefaultTimeout(15_000);
      await apiResidentSignIn(m, PHONE);
      const before = (await mine()).items.length;
      await m.goto('/m/report');
      await m.getByTestId('m-category').waitFor();
      // the service worker holds the app shell and its pages before the network goes
      await m.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      await mobile.setOffline(true);

      await m.getByTestId('m-gps').click();
      await m.locator('#cc-m-description').fill('村口的路灯坏了好几天，晚上一片漆黑，老人出门不方便');
      await m.getByTestId('m-suggestion').getByText('看起来是：路灯不亮').waitFor();
      await m.getByTestId('m-category-value').getByText('路灯不亮').waitFor(); // pre-selected from the phrase
      await m
        .getByTestId('m-photos')
        .locator('input[type=file]')
        .setInputFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: TINY_PNG });
      await m.getByTestId('m-photos').getByText('待发送').waitFor();
      await m.getByTestId('m-report-submit').click();

      const draft = m.getByTestId('m-draft').first();
      await draft.and(m.locator('[data-state="waiting"]')).waitFor();
      await draft.getByText('待发送').waitFor();
      await m.screenshot({ path: path.join(out, 'o1-offline-waiting.png'), fullPage: true });
      if ((await mine()).items.length !== before) throw new Error('a case was created while the phone was offline');

      await mobile.setOffline(false); // the `online` event sends it
      await draft.and(m.locator('[data-state="sent"]')).waitFor({ timeout: 30_000 });
      const number = await draft.getAttribute('data-number');
      if (!number) throw new Error('the sent draft shows no case number');
      await draft.getByText(number).waitFor();
      await m.screenshot({ path: path.join(out, 'o2-offline-sent.png'), fullPage: true });

      // opened again: nothing is sent twice
      await m.reload();
      await m.getByTestId('m-draft').first().and(m.locator('[data-state="sent"]')).waitFor();
      await m.getByTestId('m-my-reports').locator(`[data-number="${number}"]`).first().waitFor();
      const after = (await mine()).items;
      if (after.length !== before + 1) throw new Error(`expected exactly one new case, found ${after.length - before}`);
      const created = after.find((c) => c.number === number);
      if (!created) throw new Error(`case ${number} is not among my reports`);
      const detail = (await (await m.request.get(`/api/cases/${created.id}`)).json()) as {
        photos: unknown[];
        categoryCode?: string;
      };
      if (detail.photos.length !== 1) throw new Error(`the case has ${detail.photos.length} photos, expected 1`);
    } finally {
      await mobile.close();
    }
  },
};
