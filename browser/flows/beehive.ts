/**
 * 红色蜂巢 (issue #15): a rider finds the nearest station open now from the county seat and checks in
 * with the station's code; a rider's wage-arrears request reaches 人社 (the demo handler `renshe`),
 * is answered in the console and the answer shows in the rider's app; the service circle's page
 * lists uncovered homes and answers a what-if for a click on its map.
 */
import type { Page } from 'playwright-core';
import type { BrowserTest } from '../harness';
import { API_HEADERS, apiResidentSignIn, apiSignIn, MOBILE } from '../helpers';

async function phone(page: Page, baseUrl: string, number: string): Promise<Page> {
  const ctx = await page
    .context()
    .browser()!
    .newContext({ ...MOBILE, baseURL: baseUrl });
  const m = await ctx.newPage();
  m.setDefaultTimeout(15_000);
  await apiResidentSignIn(m, number);
  return m;
}

async function register(m: Page, name: string) {
  await m.goto('/m/stations');
  await m.getByTestId('st-name').locator('input').fill(name);
  await m.getByTestId('st-platform').locator('input').fill('美团');
  await m.getByTestId('st-consent').click();
  await m.getByTestId('st-register').click();
  await m.getByTestId('st-registered').waitFor();
}

export const beehiveCheckIn: BrowserTest = {
  name: 'a rider finds the nearest station open now and checks in with its code',
  slug: 'h-beehive-checkin',
  async run({ page, baseUrl }) {
    await apiSignIn(page, 'county');
    const stations = (await (
      await page.request.get('/api/beehive/console/stations', { params: { limit: 200 } })
    ).json()) as {
      items: { name: string; checkinCode: string }[];
    };
    const seat = stations.items.find((s) => s.name === '石首市红色蜂巢');
    if (!seat) throw new Error('the demo station at the county seat is missing');
    const m = await phone(page, baseUrl, '13915000001');
    try {
      await m.goto('/m/stations');
      await m.getByTestId('st-find').click();
      const first = m.getByTestId('st-found').locator('[data-station]').first();
      await first.waitFor();
      if ((await first.getAttribute('data-station')) !== '石首市红色蜂巢')
        throw new Error(`nearest station: ${await first.getAttribute('data-station')}`);
      const amap = await first.getByText('高德导航').getAttribute('href');
      if (!amap?.startsWith('https://uri.amap.com/navigation?to=')) throw new Error(`navigation link: ${amap}`);
      await m.getByTestId('st-code').locator('input').fill(seat.checkinCode);
      await m.getByTestId('st-checkin').click();
      await m.getByText('已在「石首市红色蜂巢」签到').waitFor();
      await m.screenshot({ path: 'browser/.out/h-beehive-checkin-phone.png' });
    } finally {
      await m.context().close();
    }
  },
};

export const beehiveWageArrears: BrowserTest = {
  name: 'a rider’s wage-arrears request reaches 人社 and is answered',
  slug: 'h-beehive-request',
  async run({ page, baseUrl }) {
    const m = await phone(page, baseUrl, '13915000002');
    try {
      const me = (await (await m.request.get('/api/beehive/me')).json()) as { worker: unknown };
      if (!me.worker) await register(m, '骑手乙');
      await m.goto('/m/stations/help');
      const text = `配送站拖欠三个月工资 ${Date.now()}`;
      await m.getByTestId('st-description').locator('textarea').fill(text);
      await m.getByTestId('st-send').click();
      await m.getByText('由人力资源和社会保障局办理').waitFor();

      await apiSignIn(page, 'renshe');
      await page.goto('/admin/beehive-requests');
      const row = page.getByTestId('bh-requests').locator('tr', { hasText: text });
      await row.getByTestId('bh-answer').click();
      await page.getByTestId('bh-answer-text').fill('已约谈配送站，责令十日内支付');
      await page.getByRole('button', { name: /OK|确\s*定/ }).click();
      await page.getByText('已保存').waitFor();

      await m.goto('/m/stations/help');
      await m.getByTestId('st-answer').getByText('已约谈配送站').first().waitFor();
      const mine = (await (await m.request.get('/api/beehive/requests', { headers: API_HEADERS })).json()) as {
        items: { description: string; state: string; departmentName: string }[];
      };
      const sent = mine.items.find((r) => r.description === text);
      if (sent?.state !== 'answered' || sent.departmentName !== '人力资源和社会保障局')
        throw new Error(`request: ${JSON.stringify(sent)}`);
      await page.screenshot({ path: 'browser/.out/h-beehive-request-console.png', fullPage: true });
    } finally {
      await m.context().close();
    }
  },
};

export const circleWhatIf: BrowserTest = {
  name: 'the coverage page lists uncovered homes and answers a what-if for a click on the map',
  slug: 'h-circle-what-if',
  async run({ page }) {
    // the demo population (scale 0.02) has homes in 38 villages, not in 百子庵村: the county's view
    await apiSignIn(page, 'county');
    await page.goto('/admin/circle');
    await page.getByTestId('circle-table').locator('tbody tr').first().waitFor();
    await page.getByTestId('circle-uncovered').locator('div').first().waitFor();
    const box = await page.getByTestId('circle-map').boundingBox();
    if (!box) throw new Error('no map');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByTestId('circle-what-if').waitFor();
  },
};
