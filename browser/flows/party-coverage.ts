/**
 * (#11 item 12) The county officer's party organisation tree counts members up the tree (a 大党委 shows its
 * branches' members, counted by the server), and coverage of a place with no households reads 暂无住户数据,
 * never a green "all covered".
 */
import path from 'node:path';
import type { BrowserTest } from '../harness';
import { apiSignIn } from '../helpers';

export const partyCoverage: BrowserTest = {
  name: 'party organisations counted up the tree; coverage of a place without households says so',
  slug: 'h-party-coverage',
  async run({ page }) {
    const out = path.resolve('browser/.out');
    await apiSignIn(page, 'county');
    const orgs = (await (await page.request.get('/api/party/orgs?scope=421081')).json()) as {
      code: string;
      kind: string;
      members: number;
      total: number;
    }[];
    const committee = orgs.find((o) => o.kind === 'community_party_committee' && o.total > o.members);
    if (!committee) throw new Error('no 大党委 with members below it in the demo');
    await page.goto('/admin/party-orgs');
    await page
      .getByTestId('party-tree')
      .locator(`[data-code="${committee.code}"]`)
      .getByText(`${committee.total} 名党员（含下级；本级 ${committee.members} 名）`)
      .waitFor();
    await page.screenshot({ path: path.join(out, 'h-party-tree.png'), fullPage: true });

    // a place with no households: a town, else a village of a town (the demo populates some villages only)
    type Coverage = { children: { code: string; households: number }[] };
    const coverage = async (code: string) =>
      (await (await page.request.get(`/api/coverage/${code}`)).json()) as Coverage;
    let trail: string[] | null = null;
    for (const town of (await coverage('421081')).children) {
      if (town.households === 0) trail = [town.code];
      else {
        const village = (await coverage(town.code)).children.find((c) => c.households === 0);
        if (village) trail = [town.code, village.code];
      }
      if (trail) break;
    }
    if (!trail) throw new Error('every place of the demo has households: nothing empty to look at');
    await page.goto('/admin/coverage');
    for (const code of trail) await page.getByTestId('coverage-table').locator(`[data-code="${code}"]`).click();
    await page.getByTestId('coverage-no-households').getByText('暂无住户数据').waitFor();
    if (await page.getByText('全部户已有党员联系').count()) throw new Error('an empty place reads "all covered"');
    await page.screenshot({ path: path.join(out, 'h-coverage-empty.png'), fullPage: true });
  },
};
