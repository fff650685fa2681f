/**
 * 骑手找驿站 (issue #15 items 1 and 5): an anonymous delivery rider on a 390×844 phone, located at
 * Shishou's county seat, opens the sign-in page, taps the rider link, sees the nearest station open
 * now on the list and on the map, opens its page, and its navigation links carry GCJ-02 coordinates.
 * No account and no cookie: the public pages must not send the rider to the sign-in page.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { wgs84ToGcj02 } from '../../src/server/platform/geo';
import { axeClean } from '../axe';
import type { BrowserTest } from '../harness';
import { apiResidentSignIn, MOBILE } from '../helpers';

/** The county seat point (WGS-84) where the demo's always-open 石首市红色蜂巢 stands. */
const SEAT = { longitude: 112.419609, latitude: 29.723349 };

export const stationsPublic: BrowserTest = {
  name: 'an anonymous rider finds the nearest open station from the sign-in page, on list and map, and navigates',
  slug: 'h-stations-public',
  async run({ page, baseUrl }) {
    const ctx = await page
      .context()
      .browser()!
      .newContext({ ...MOBILE, baseURL: baseUrl, geolocation: SEAT, permissions: ['geolocation'] });
    const m = await ctx.newPage();
    m.setDefaultTimeout(15_000);
    try {
      await m.goto('/m/sign-in');
      await m.getByTestId('m-rider-stations').click();
      await m.waitForURL('**/m/stations/public');
      await m.getByText('您附近（定位）').waitFor();

      const nearest = m.getByTestId('pub-nearest');
      await nearest.waitFor();
      if ((await nearest.getAttribute('data-station')) !== '石首市红色蜂巢')
        throw new Error(`nearest open station: ${await nearest.getAttribute('data-station')}`);
      await nearest.getByTestId('pub-open').waitFor();
      await nearest.getByText('应急药品').waitFor();
      const href = await nearest.getByTestId('pub-detail-link').getAttribute('href');
      const id = href?.split('/').pop();
      if (!id) throw new Error(`detail link: ${href}`);
      // on the map: the station's point and the rider's own
      await m.getByTestId('pub-map').locator(`[data-point="${id}"]`).waitFor();
      await m.getByTestId('pub-map').locator('[data-point="me"]').waitFor();
      // the list has it first, with the closed ones nearby shown with their next opening
      const first = m.getByTestId('pub-list').locator('[data-station]').first();
      if ((await first.getAttribute('data-station')) !== '石首市红色蜂巢')
        throw new Error(`first in the list: ${await first.getAttribute('data-station')}`);
      await m.screenshot({ path: 'browser/.out/h-stations-public-list.png', fullPage: true });
      await axeClean(m, 'station list');

      await nearest.getByTestId('pub-detail-link').click();
      const detail = m.getByTestId('m-station-public');
      await detail.waitFor();
      if ((await detail.getAttribute('data-station')) !== '石首市红色蜂巢')
        throw new Error(`detail of: ${await detail.getAttribute('data-station')}`);
      await detail.getByTestId('pub-open').waitFor();
      await detail.getByTestId('pub-org').getByText('石首市党组织').waitFor();
      await detail.getByTestId('pub-medicine').getByText('有').waitFor();
      await detail.getByTestId('pub-agreement').getByText('美团石首站').waitFor();
      await detail.getByText('登录后可在站点扫码签到').waitFor();
      if (!m.url().endsWith(`/m/stations/public/${id}`)) throw new Error(`sent elsewhere: ${m.url()}`);

      // the map apps get GCJ-02 (the phone's fix and the database are WGS-84)
      const [gLng, gLat] = wgs84ToGcj02([SEAT.longitude, SEAT.latitude]);
      const amap = await detail.getByTestId('pub-nav-amap').getAttribute('href');
      const baidu = await detail.getByTestId('pub-nav-baidu').getAttribute('href');
      if (!amap?.startsWith(`https://uri.amap.com/navigation?to=${gLng.toFixed(6)},${gLat.toFixed(6)},`))
        throw new Error(`AMap link: ${amap}`);
      if (!baidu?.includes(`latlng:${gLat.toFixed(6)},${gLng.toFixed(6)}`) || !baidu.includes('coord_type=gcj02'))
        throw new Error(`Baidu link: ${baidu}`);
      if (amap.includes(SEAT.longitude.toFixed(6))) throw new Error('the AMap link carries WGS-84');
      await m.screenshot({ path: 'browser/.out/h-stations-public-detail.png', fullPage: true });
      await axeClean(m, 'station page');
      if ((await ctx.cookies()).some((c) => /session/i.test(c.name))) throw new Error('a session cookie appeared');

      // signed in (a registered rider), the same page leads to the check-in that exists today
      await apiResidentSignIn(m, '13915000031');
      await m.reload();
      await m.getByTestId('pub-checkin-go').click();
      await m.getByTestId('st-code').waitFor();
      if (!m.url().endsWith('/m/stations')) throw new Error(`check-in entry: ${m.url()}`);
    } finally {
      await ctx.close();
    }
  },
};

export const stationsPublicTown: BrowserTest = {
  name: 'without a position fix, a rider picks a town and sees its stations, closed ones with their next opening',
  slug: 'h-stations-public-town',
  async run({ page, baseUrl }) {
    // no geolocation permission: the phone gives no fix
    const ctx = await page
      .context()
      .browser()!
      .newContext({ ...MOBILE, baseURL: baseUrl });
    const m = await ctx.newPage();
    m.setDefaultTimeout(15_000);
    try {
      await m.goto('/m/stations/public');
      await m.getByText('没有取得定位，请选择所在乡镇').waitFor();
      await m.getByTestId('pub-town').locator('option', { hasText: '高基庙镇' }).waitFor({ state: 'attached' });
      await m.getByTestId('pub-town').selectOption({ label: '高基庙镇' });
      await m.getByText('高基庙镇附近').waitFor();
      const first = m.getByTestId('pub-list').locator('[data-station]').first();
      await first.waitFor();
      if ((await first.getAttribute('data-station')) !== '高基庙镇红色蜂巢')
        throw new Error(`first near 高基庙镇: ${await first.getAttribute('data-station')}`);
      // open or closed depends on the hour (07:00–21:00 CST); either way its state is shown
      await first.locator('[data-testid="pub-open"], [data-testid="pub-closed"]').first().waitFor();
      await m.screenshot({ path: 'browser/.out/h-stations-public-town-phone.png', fullPage: true });
      // a rider who reads English switches here, without the sign-in page
      await m.getByTestId('m-lang-switch').getByText('English').click();
      await m.getByText('Near 高基庙镇').waitFor();
      await m.getByText('Stations nearby').waitFor();
    } finally {
      await ctx.close();
    }
  },
};

export const stationsPublicSlow: BrowserTest = {
  name: 'on slow 3G, a first visit to the riders’ page shows the nearest open station (measured)',
  slug: 'h-stations-public-slow',
  timeoutMs: 120_000,
  async run({ page, baseUrl }) {
    const ctx = await page
      .context()
      .browser()!
      .newContext({
        ...MOBILE,
        baseURL: baseUrl,
        geolocation: SEAT,
        permissions: ['geolocation'],
        serviceWorkers: 'block', // a first visit: nothing cached
      });
    const m = await ctx.newPage();
    m.setDefaultTimeout(45_000);
    try {
      // CDP's slow 3G as in s-slow-network: 400 ms round trip, 400 kbit/s both ways, no cache
      const cdp = await ctx.newCDPSession(m);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 400,
        downloadThroughput: 50_000,
        uploadThroughput: 50_000,
      });
      const t0 = Date.now();
      await m.goto('/m/stations/public', { waitUntil: 'commit' });
      await m.getByTestId('pub-nearest').waitFor();
      const nearestShown = Date.now() - t0;
      await m.getByTestId('pub-map').waitFor();
      const figures = { nearestShownMs: nearestShown, mapShownMs: Date.now() - t0 };
      writeFileSync(path.resolve('browser/.out/h-stations-public-slow.json'), `${JSON.stringify(figures, null, 2)}\n`);
      console.log(`  slow 3G: nearest open station after ${figures.nearestShownMs} ms, map ${figures.mapShownMs} ms`);
    } finally {
      await ctx.close();
    }
  },
};
