/**
 * 驾驶舱 (issue #17): the county leader opens the cockpit and sees its panels (a module without records
 * reads 尚无数据, never a zero), opens a town from the 按期结案率 ranking, and from that town's
 * 按期结案率 lands on the town's overdue cases. Then a big-screen link: made for the county with a
 * label, opened in a fresh context without a session (no sign-in page, not even for a moment), its
 * figures shown at 1920×1080; revoked, the screen says so at its next refresh and stops asking.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { CockpitAnswer } from '../../src/server/cockpit/cockpit.schema';
import { axeClean } from '../axe';
import type { BrowserTest } from '../harness';
import { signInStaff } from '../helpers';

const COUNTY = '421081';
const ON_TIME = '按期结案率';
const OUT = (name: string) => path.resolve(`browser/.out/${name}.png`);

async function answer(page: Page, place: string): Promise<CockpitAnswer> {
  const res = await page.request.get(`/api/cockpit?place=${place}`);
  if (!res.ok()) throw new Error(`GET /api/cockpit?place=${place}: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as CockpitAnswer;
}

/** The panels as drawn: every one the server sent, the empty ones reading 尚无数据 and no figure. */
async function checkPanels(page: Page, a: CockpitAnswer) {
  for (const p of a.panels) {
    const card = page.getByTestId(`panel-${p.key}`);
    await card.waitFor();
    if (p.status === 'no_data') {
      await card.getByText('尚无数据').waitFor();
      if (await card.locator('.cc-ck-value').count()) throw new Error(`${p.key} has no data but shows a figure`);
    } else if (p.figures.length && !(await card.locator('.cc-ck-value').count()))
      throw new Error(`${p.key} is ready but shows no figure`);
  }
}

export const cockpitDrill: BrowserTest = {
  name: 'a county leader reads the cockpit and drills from a town’s 按期结案率 to its overdue cases',
  slug: 'h-cockpit-drill',
  timeoutMs: 120_000,
  async run({ page }) {
    await signInStaff(page, 'county');
    await page.getByTestId('console-menu').getByRole('menuitem', { name: '驾驶舱' }).click();
    await page.waitForURL('**/admin/cockpit');
    const county = await answer(page, COUNTY);
    if (!county.panels.length) throw new Error('the county cockpit has no panel');
    await checkPanels(page, county);
    await page.getByTestId('cockpit-map-chart').locator('canvas').waitFor();
    await page.locator('[data-testid$="-chart"] canvas').first().waitFor();
    await page.getByTestId('cockpit-periods').getByText(county.place.name).waitFor();
    await page.screenshot({ path: OUT('h-cockpit-county'), fullPage: true });
    await axeClean(page, 'the county cockpit', '.cc-ck-tabs');

    // the monthly report of the county (last month by default): a PDF drawn by the server
    const report = page.waitForEvent('download');
    await page.getByTestId('cockpit-report').click();
    const pdf = await readFile(await (await report).path());
    if (pdf.subarray(0, 5).toString() !== '%PDF-') throw new Error('the monthly report is not a PDF');

    // the ranking of towns by 按期结案率, as a table of links; a town opens its own cockpit
    const ranking = county.panels
      .flatMap((p) => p.rankings)
      .find((r) => r.by === 'town' && r.label.zh.includes(ON_TIME) && r.rows.length > 0);
    if (!ranking) throw new Error(`no ranking of towns by ${ON_TIME}`);
    // a town with cases (a town without any reads 尚无数据, and has no figure to drill from)
    let town: (typeof ranking.rows)[number] | undefined;
    let inTown: CockpitAnswer | undefined;
    for (const row of ranking.rows) {
      const a = await answer(page, row.code);
      if (a.panels.some((p) => p.status === 'ready' && p.figures.some((f) => f.label.zh === ON_TIME && f.drill))) {
        town = row;
        inTown = a;
        break;
      }
    }
    if (!town || !inTown) throw new Error(`no town has a ${ON_TIME} to drill from`);
    const box = page.getByTestId(`rank-${ranking.key}`);
    await box.getByTestId(`rank-${ranking.key}-view`).getByText('表格').click();
    await box.getByTestId(`rank-${ranking.key}-row-${town.code}`).click();
    const code = town.code;
    await page.waitForURL((u) => u.pathname === '/admin/cockpit' && u.searchParams.get('place') === code);
    await page.getByTestId('cockpit-periods').getByText(town.name).waitFor();
    await page.locator('.cc-ck-tabs .ant-select', { hasText: town.name }).waitFor();

    // the town's 按期结案率 leads to its overdue cases
    const figure = inTown.panels.flatMap((p) => p.figures).find((f) => f.label.zh === ON_TIME)!;
    await checkPanels(page, inTown);
    await page.screenshot({ path: OUT('h-cockpit-town'), fullPage: true });
    const listed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cases' && r.ok());
    await page.getByTestId(`fig-${figure.key}`).getByRole('link').click();
    const drill = new URL(figure.drill!, 'http://x');
    await page.waitForURL((u) => u.pathname === `/admin${drill.pathname}`);
    const landed = new URL(page.url());
    for (const [k, v] of drill.searchParams) {
      if (landed.searchParams.get(k) !== v) throw new Error(`landed on ${page.url()}, not ${figure.drill}`);
    }
    if (landed.searchParams.get('overdue') !== '1') throw new Error(`${figure.drill} is not the overdue cases`);
    await listed;
    await page.locator('.ant-table .ant-spin-spinning').waitFor({ state: 'detached' });
    await page.screenshot({ path: OUT('h-cockpit-overdue'), fullPage: true });
  },
};

export const cockpitScreen: BrowserTest = {
  name: 'a big-screen link works without a session at 1920×1080 and stops when revoked',
  slug: 'h-cockpit-screen',
  timeoutMs: 150_000,
  async run({ page, baseUrl }) {
    await signInStaff(page, 'county');
    await page.goto('/admin/cockpit?tab=screens');
    const label = `指挥中心大屏 ${Date.now() % 100000}`;
    await page.getByTestId('screen-label').fill(label);
    await page.getByTestId('screen-create').click();
    const url = (await page.getByTestId('screen-url').locator('code').textContent())?.trim();
    if (!url?.includes('/admin/screen?token=')) throw new Error(`the new link reads ${url}`);
    const row = page.locator(`tr[data-screen="${label}"]`);
    await row.getByText('使用中').waitFor();
    await page.screenshot({ path: OUT('h-cockpit-screens'), fullPage: true });
    await axeClean(page, 'the big-screen links', '.cc-ck-tabs');

    const kioskCtx = await page
      .context()
      .browser()!
      .newContext({
        baseURL: baseUrl,
        viewport: { width: 1920, height: 1080 },
        locale: 'zh-CN',
      });
    try {
      const kiosk = await kioskCtx.newPage();
      const visited: string[] = [];
      kiosk.on('framenavigated', (f) => {
        if (f === kiosk.mainFrame()) visited.push(f.url());
      });
      let asked = 0;
      kiosk.on('request', (r) => {
        if (r.url().includes('/api/cockpit/screen')) asked++;
      });
      const errors: string[] = [];
      kiosk.on('pageerror', (e) => errors.push(e.message));
      await kiosk.clock.install();
      await kiosk.goto(url);
      const board = kiosk.getByTestId('screen-board');
      await board.waitFor();
      await board.getByText('石首市').first().waitFor();
      await kiosk.locator('[data-testid^="screen-fig-"]').first().waitFor();
      await kiosk.getByTestId('cockpit-map-chart').locator('canvas').waitFor();
      await kiosk.getByTestId('screen-refreshed').getByText('最近刷新').waitFor();
      if (await kiosk.locator('#cc-username').count()) throw new Error('the big screen shows the sign-in form');
      if (visited.some((u) => u.includes('/sign-in'))) throw new Error(`the big screen went by ${visited.join(' → ')}`);
      if (await kiosk.locator('a[href*="/admin/cases"]').count()) throw new Error('the big screen links to records');
      await kiosk.screenshot({ path: OUT('h-cockpit-bigscreen') });

      // a minute later it asks again
      const before = asked;
      await kiosk.clock.fastForward(61_000);
      await kiosk.waitForResponse((r) => r.url().includes('/api/cockpit/screen'));
      if (asked <= before) throw new Error('the big screen did not refresh after 60 s');

      // revoked with a confirmation; at its next refresh the screen says so, then asks no more
      await row.locator('[data-testid^="screen-revoke-"]').click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /停\s?用/ })
        .click();
      await row.getByText('已停用').waitFor();
      await kiosk.clock.fastForward(61_000);
      await kiosk.getByTestId('screen-revoked').getByText('此大屏链接已停用').waitFor();
      await kiosk.getByTestId('screen-revoked').getByText('This screen link has been revoked').waitFor();
      await kiosk.screenshot({ path: OUT('h-cockpit-bigscreen-revoked') });
      const after = asked;
      await kiosk.clock.fastForward(125_000);
      await kiosk.waitForTimeout(500);
      if (asked !== after) throw new Error(`the revoked screen still asks (${asked - after} more requests)`);
      if (errors.length) throw new Error(`big screen: ${errors[0]}`);
    } finally {
      await kioskCtx.close();
    }
  },
};
