/**
 * (issue #11 item 9) The console home answers "what needs me today": a resident reports rubbish in
 * 百子庵村; 高基庙镇's dispatcher signs in and sees 待受理派遣 first, with the count the server gives,
 * the town's last 30 days drawn beside it; clicking the count opens 受理派遣 with that report in it.
 */
import path from 'node:path';
import type { BrowserTest } from '../harness';
import { API_HEADERS, apiSignIn, signInStaff } from '../helpers';
import { pointInGrid, residentSignInWhenAllowed } from './points-helpers';

const PHONE = '13930000009';
const VILLAGE = '421081107212'; // 百子庵村, 高基庙镇

export const consoleHome: BrowserTest = {
  name: 'the dispatcher’s home shows what waits today and opens the triage list',
  slug: 'console-home',
  timeoutMs: 120_000,
  async run({ page, baseUrl }) {
    // a report waiting for triage, made through the API as a resident's phone would
    await apiSignIn(page, 'gridworker');
    const [lng, lat] = await pointInGrid(page, VILLAGE);
    const phone = await page.context().browser()!.newContext({ baseURL: baseUrl });
    const m = await phone.newPage();
    let number: string;
    try {
      await residentSignInWhenAllowed(m, PHONE);
      const reported = await m.request.post('/api/cases', {
        headers: { ...API_HEADERS, 'Idempotency-Key': crypto.randomUUID() },
        data: {
          description: '百子庵村村口垃圾堆了好几天，没人清理',
          categoryCode: '06010',
          lng,
          lat,
          coordSystem: 'wgs84',
        },
      });
      if (reported.status() !== 201) throw new Error(`report: HTTP ${reported.status()} ${await reported.text()}`);
      number = ((await reported.json()) as { number: string }).number;
    } finally {
      await phone.close();
    }
    await page.request.post('/api/auth/sign-out', { headers: API_HEADERS });

    // a department handler: their own tasks only; a day with nothing waiting reads calm, not as zeros
    await signInStaff(page, 'chengguan');
    const handler = (await (await page.request.get('/api/console/today')).json()) as {
      items: { key: string }[];
      waiting: number;
    };
    if (handler.items[0]?.key !== 'cases.tasks')
      throw new Error(`the handler's first count is ${handler.items[0]?.key}`);
    if (handler.waiting === 0) await page.getByTestId('today-card').getByText('今天没有待办').waitFor();
    else await page.getByTestId('today-cases.tasks').waitFor();
    await page.screenshot({ path: path.resolve('browser/.out/console-home-handler.png'), fullPage: true });
    await page.request.post('/api/auth/sign-out', { headers: API_HEADERS });

    // the dispatcher's first morning: the home, triage first, with the number the server counts
    await signInStaff(page, 'gaojimiao');
    const card = page.getByTestId('today-card');
    await card.waitFor();
    const tiles = card.locator('[data-testid^="today-"]');
    await tiles.first().waitFor();
    const first = await tiles.first().getAttribute('data-testid');
    if (first !== 'today-cases.triage') throw new Error(`the dispatcher's first count is ${first}, not triage`);
    const today = (await (await page.request.get('/api/console/today')).json()) as {
      items: { key: string; count: number }[];
    };
    const triage = today.items.find((i) => i.key === 'cases.triage')?.count ?? 0;
    if (triage < 1) throw new Error('the new report is not counted for triage');
    const tile = page.getByTestId('today-cases.triage');
    await tile.locator('.cc-today-count', { hasText: String(triage) }).waitFor();
    // the town's last 30 days, drawn once ECharts has arrived
    await page.getByTestId('trend-card').locator('[data-testid="spark-received"] canvas').waitFor();
    await page.screenshot({ path: path.resolve('browser/.out/console-home-today.png'), fullPage: true });

    // the count opens its list, and the list holds as many as the count said
    await tile.click();
    await page.waitForURL('**/admin/triage');
    const table = page.getByTestId('triage-table');
    await table.locator(`tr[data-number="${number}"]`).waitFor();
    const rows = await table.locator('tr[data-number]').count();
    if (triage <= 50 && rows !== triage) throw new Error(`triage list has ${rows} rows, the home said ${triage}`);
  },
};
