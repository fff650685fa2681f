/**
 * (#16) 头雁 records: the organisation department's demo account (zuzhibu) drills from the six-team
 * counts to 百子庵村's team, opens its secretary's record (an audited read, identifiers masked),
 * records the review of a tiered management, scores a 擂台赛 entrant and sees the ranking.
 */
import type { APIResponse } from 'playwright-core';
import type { BrowserTest } from '../harness';
import { API_HEADERS, openMenu, signInStaff } from '../helpers';

const TOWN = '421081107';
const VILLAGE = '421081107212';

async function ok<T>(what: string, res: Promise<APIResponse>): Promise<T> {
  const r = await res;
  if (!r.ok()) throw new Error(`${what}: HTTP ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}

export const leadersFlow: BrowserTest = {
  name: '头雁: a secretary’s record, a tier review, contest scoring and ranking (organisation department)',
  slug: 'leaders',
  async run({ page }) {
    await signInStaff(page, 'zuzhibu');
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const secretaries = await ok<{ items: { id: string; name: string }[] }>(
      'secretary',
      page.request.get(`/api/leaders/people?scope=${VILLAGE}&team=secretary`, { headers: API_HEADERS }),
    );
    const secretary = secretaries.items[0];
    // a tiered management whose review is due today (the demo's own may have been reviewed already)
    await ok(
      'tier',
      page.request.post(`/api/leaders/people/${secretary.id}/tiers`, {
        headers: API_HEADERS,
        data: {
          direction: 'positive',
          tier: 'town',
          reason: '浏览器测试：重点培养',
          periodStart: today,
          periodEnd: today,
          reviewOn: today,
        },
      }),
    );
    const title = `擂台赛（浏览器测试 ${Date.now() % 100000}）`;
    await ok(
      'contest',
      page.request.post('/api/leaders/contests', {
        headers: API_HEADERS,
        data: {
          scopeCode: TOWN,
          title,
          heldOn: today,
          entrantKind: 'village',
          criteria: [
            { name: '发展', minScore: 0, maxScore: 50 },
            { name: '治理', minScore: 0, maxScore: 50 },
          ],
          entrants: [{ name: '百子庵村', villageCode: VILLAGE }, { name: '对照村' }],
        },
      }),
    );

    await openMenu(page, '两委班子与六支队伍');
    await page.waitForURL('**/admin/leaders');
    const counts = page.getByTestId('leaders-counts');
    await counts.getByRole('cell', { name: '高基庙镇', exact: true }).click();
    await counts.getByRole('cell', { name: /^百子庵村/ }).click();
    await page.getByTestId('leaders-people').getByRole('cell', { name: secretary.name, exact: true }).click();
    await page.waitForURL(/\/admin\/leaders\/people\/[0-9a-f-]{36}$/);
    const record = page.getByTestId('leaders-record');
    await record.waitFor();
    const row = page.getByTestId('leaders-tiers').getByRole('row', { name: /浏览器测试：重点培养/ });
    await row.getByTestId('leaders-review').click();
    await page.getByTestId('leaders-review-outcome').click();
    await page.locator('.ant-select-item-option', { hasText: '解除提级管理' }).click();
    await page.getByTestId('leaders-review-submit').click();
    await row.getByText('解除提级管理').waitFor();

    await openMenu(page, '擂台赛');
    await page.waitForURL('**/admin/leaders/contests');
    await page.getByTestId('leaders-contests').getByText(title).click();
    await page.waitForURL(/\/admin\/leaders\/contests\/[0-9a-f-]{36}$/);
    await page.getByTestId('leaders-score-entrant').click();
    await page.locator('.ant-select-item-option', { hasText: '百子庵村' }).click();
    await page.getByTestId('leaders-score-1').fill('45');
    await page.getByTestId('leaders-score-2').fill('40');
    await page.getByTestId('leaders-score-submit').click();
    const first = page.getByTestId('leaders-ranking').locator('tbody tr').first();
    await first.getByText('85.00').waitFor();
    await first.getByText('百子庵村').waitFor();
  },
};
