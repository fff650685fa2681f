/**
 * Collective economy (issue #16): 百子庵村's village officer (baizian) enters the village's collective
 * income for this year in the console, and the county's (county) page of the share of villages at or
 * above the 100,000-yuan threshold counts one village more (or one fewer: the flow moves 百子庵村 across
 * the threshold in whichever direction it is not yet, so a re-run on the same data passes too).
 */
import type { BrowserTest } from '../harness';
import { API_HEADERS, apiSignIn, posted } from '../helpers';

const VILLAGE = '421081107212';

export const economyIncome: BrowserTest = {
  name: 'economy: a village officer enters the village’s collective income, the county’s share above the threshold updates',
  slug: 'economy-income',
  timeoutMs: 60_000,
  async run({ page, baseUrl }) {
    const year = new Date().getFullYear();
    // the county's page first: how many villages are above the threshold now
    await apiSignIn(page, 'county');
    await page.goto('/admin/economy-share');
    const above = page.getByTestId('econ-above');
    await above.waitFor();
    const before = Number(await above.getAttribute('data-above'));
    await page.getByTestId('econ-chart').locator('canvas').waitFor();

    let wasAbove = false;
    const officer = await page.context().browser()!.newContext({ baseURL: baseUrl, locale: 'zh-CN' });
    const v = await officer.newPage();
    try {
      v.setDefaultTimeout(15_000);
      await apiSignIn(v, 'baizian');
      const now = await v.request.get(`/api/economy/incomes?year=${year}&scope=${VILLAGE}`, { headers: API_HEADERS });
      if (!now.ok()) throw new Error(`GET incomes: HTTP ${now.status()}`);
      wasAbove = ((await now.json()) as { items: { above: boolean }[] }).items[0].above;
      await v.goto('/admin/economy-incomes');
      await v.getByTestId(`econ-enter-${VILLAGE}`).click();
      const modal = v.locator('.ant-modal');
      // below: 资源发包 alone reaches 100,000 yuan; above: every source to 0
      const amounts = wasAbove
        ? { resources: '0', industry: '0', cooperation: '0', asset_operation: '0' }
        : { resources: '100000' };
      for (const [source, yuan] of Object.entries(amounts)) {
        const input = modal.locator(`#${source}`);
        await input.fill(yuan);
      }
      await posted(v, `/api/economy/incomes/${VILLAGE}/${year}`, () => modal.getByTestId('econ-save').click());
      await modal.waitFor({ state: 'detached' });
    } finally {
      await officer.close();
    }

    // the county's page, reloaded: one village more (or fewer) above the threshold
    const expected = wasAbove ? before - 1 : before + 1;
    await page.reload();
    await page.getByTestId('econ-above').waitFor();
    const after = async () => Number(await page.getByTestId('econ-above').getAttribute('data-above'));
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const n = await after();
      if (n === expected) return;
      await page.waitForTimeout(250);
    }
    throw new Error(
      `the county's count of villages above the threshold is ${await after()}, expected ${expected} (was ${before})`,
    );
  },
};
