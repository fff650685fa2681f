/**
 * Issue #11 item 10: a county dispatcher opens 全部案件, filters it (search, category), pages past the
 * first page, reopens the list from its link, and downloads the filtered list as xlsx (its response
 * headers and its rows checked).
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { BrowserTest } from '../harness';
import { API_HEADERS, apiSignIn, openMenu } from '../helpers';

const BAIZIAN = '421081107212'; // 百子庵村: the demo grid worker's village

const SEAT = { lng: 112.419609, lat: 29.723349 };

/** Reports on behalf of a resident, through the API (the console's report page is another flow's). */
async function reportOnBehalf(page: Page, description: string, categoryCode: string, at = SEAT): Promise<void> {
  const res = await page.request.post('/api/cases', {
    headers: API_HEADERS,
    data: { description, categoryCode, ...at, locationSource: 'map', onBehalfOf: { name: '李四' } },
  });
  if (!res.ok()) throw new Error(`report: HTTP ${res.status()} ${await res.text()}`);
}

const rowsOf = (page: Page) => page.getByTestId('all-cases-table').locator('tr[data-number]');

async function expectCount(page: Page, n: number): Promise<void> {
  await page.waitForFunction(
    (want) => document.querySelectorAll('[data-testid="all-cases-table"] tr[data-number]').length === want,
    n,
  );
}

export const caseQueues: BrowserTest = {
  name: 'county dispatcher filters all cases, pages, and downloads the xlsx',
  slug: 'case-queues',
  timeoutMs: 120_000,
  async run({ page }) {
    const token = `队列${Date.now().toString(36)}`;
    await apiSignIn(page, 'county');
    for (let i = 0; i < 12; i++) await reportOnBehalf(page, `${token} 路灯不亮 第${i}盏`, '01037');
    for (let i = 0; i < 3; i++) await reportOnBehalf(page, `${token} 垃圾堆放 第${i}处`, '06010');

    await page.goto('/admin');
    await page.getByTestId('console-menu').waitFor();
    await openMenu(page, '全部案件');
    await page.waitForURL('**/admin/cases/all');

    // search, then narrow to one category: the filters go into the URL
    await page.getByTestId('filter-q').locator('input').fill(token);
    await page.getByTestId('filter-q').locator('input').press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === token);
    await expectCount(page, 15);
    await page.getByTestId('filter-category').click();
    await page.keyboard.type('01037');
    await page.locator('.ant-select-item-option[title^="01037"]').click();
    await page.waitForURL((u) => u.searchParams.get('category') === '01037');
    await expectCount(page, 12);

    // ten a page: the first page, then the rest
    await page.getByTestId('page-size').click();
    await page.locator('.ant-select-item-option[title="每页 10 条"]').click();
    await page.waitForURL((u) => u.searchParams.get('limit') === '10');
    await expectCount(page, 10);
    await page.getByRole('button', { name: '加载更多' }).click();
    await expectCount(page, 12);
    await page.getByText('已全部显示').waitFor();
    const numbers = await rowsOf(page).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')));
    if (new Set(numbers).size !== 12) throw new Error(`paged rows repeat: ${numbers.join(', ')}`);

    // the link reproduces the list
    const link = page.url();
    await page.goto('/admin');
    await page.getByTestId('console-menu').waitFor();
    await page.goto(link);
    await expectCount(page, 10);
    await page.getByRole('button', { name: '加载更多' }).waitFor();

    // the download: headers of the response, and its rows
    const response = page.waitForResponse((r) => r.url().includes('/api/cases/export.xlsx'));
    const download = page.waitForEvent('download');
    await page.getByTestId('cases-export').click();
    const res = await response;
    if (res.status() !== 200) throw new Error(`export: HTTP ${res.status()}`);
    const headers = res.headers();
    if (headers['content-type'] !== 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      throw new Error(`export content-type: ${headers['content-type']}`);
    if (!/^attachment; filename="cases-\d{4}-\d\d-\d\d\.xlsx"$/.test(headers['content-disposition'] ?? ''))
      throw new Error(`export content-disposition: ${headers['content-disposition']}`);
    const file = await download;
    if (!/^cases-\d{4}-\d\d-\d\d\.xlsx$/.test(file.suggestedFilename()))
      throw new Error(`download name: ${file.suggestedFilename()}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await file.path()); // the file as saved (the response body went to the blob)
    const ws = wb.worksheets[0];
    const header = ws.getRow(1).getCell(1).value;
    if (header !== '案件编号 Number') throw new Error(`first header: ${String(header)}`);
    const sheetNumbers: string[] = [];
    ws.eachRow((row, i) => {
      if (i > 1) sheetNumbers.push(String(row.getCell(1).value));
    });
    if (sheetNumbers.join() !== numbers.join())
      throw new Error(`xlsx rows ${sheetNumbers.join()} differ from the list ${numbers.join()}`);
    await page.mouse.move(700, 800); // the export button's tooltip off the screenshot
    await page.getByTestId('console-menu').locator('.ant-menu-item-selected', { hasText: '全部案件' }).waitFor();
  },
};

/** The middle of the first grid of a village (as the grid map draws it). */
async function inVillageGrid(page: Page, village: string): Promise<{ lng: number; lat: number }> {
  const grids = (await (await page.request.get('/api/grids/map', { params: { scope: village } })).json()) as {
    features: { geometry: { coordinates: number[][][] } }[];
  };
  const ring = grids.features[0].geometry.coordinates[0].slice(0, -1);
  return {
    lng: ring.reduce((a, p) => a + p[0], 0) / ring.length,
    lat: ring.reduce((a, p) => a + p[1], 0) / ring.length,
  };
}

export const gridWorkerTabs: BrowserTest = {
  name: "a grid worker's triage: what they can act on (待我处理) apart from what they only follow (我关注的)",
  slug: 'case-queues-grid-tabs',
  async run({ page }) {
    const token = `分栏${Date.now().toString(36)}`;
    await apiSignIn(page, 'gridworker');
    const at = await inVillageGrid(page, BAIZIAN);
    await apiSignIn(page, 'county');
    await reportOnBehalf(page, `${token} 垃圾堆放`, '06010', at); // a grid matter: the grid worker files it
    await reportOnBehalf(page, `${token} 路灯不亮`, '01037', at); // a department matter: the town dispatches it
    await apiSignIn(page, 'gridworker');
    await page.goto(`/admin/triage?q=${encodeURIComponent(token)}`);
    const actionable = page.getByTestId('triage-table').locator('tr[data-number]');
    await actionable.filter({ hasText: '垃圾堆放' }).getByRole('button', { name: '立 案' }).waitFor();
    if ((await actionable.count()) !== 1) throw new Error(`待我处理 holds ${await actionable.count()} rows`);
    await page.getByTestId('triage-table-following-tab').click();
    await page.waitForURL((u) => u.searchParams.get('tab') === 'following');
    const following = page.getByTestId('triage-table-following').locator('tr[data-number]');
    await following.filter({ hasText: '路灯不亮' }).waitFor();
    if ((await following.count()) !== 1) throw new Error(`我关注的 holds ${await following.count()} rows`);
    if (await following.getByRole('button', { name: '立 案' }).count())
      throw new Error('a case the grid worker only follows offers 立案');
  },
};
