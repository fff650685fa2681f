/**
 * 民生实事进度公开 without signing in (issue #14): on a phone with no session, the sign-in page links to the
 * public projects page; picking 百子庵村's town and then the village lists its projects (the village's, its
 * town's and the county's) with their progress, and one opens its milestones.
 */
import type { BrowserTest } from '../harness';
import { MOBILE } from '../helpers';

const TOWN = '421081107';
const VILLAGE = '421081107212';

export const publicProjects: BrowserTest = {
  name: 'projects: anyone sees a village’s livelihood projects and their progress without signing in',
  slug: 'public-projects',
  timeoutMs: 60_000,
  async run({ page, baseUrl }) {
    const names = async (code: string) =>
      ((await (await page.request.get(`${baseUrl}/api/divisions/${code}`)).json()) as { name: string }).name;
    const [town, village] = [await names(TOWN), await names(VILLAGE)];
    const phone = await page
      .context()
      .browser()!
      .newContext({ ...MOBILE, baseURL: baseUrl });
    try {
      const m = await phone.newPage();
      m.setDefaultTimeout(15_000);
      await m.goto('/m/sign-in');
      await m.getByTestId('m-public-projects-link').click();
      await m.waitForURL('**/m/public/projects');
      await m.getByTestId('m-pj-towns').getByText(town, { exact: true }).click();
      await m.getByTestId('m-pj-villages').getByText(village, { exact: true }).click();
      await m.waitForURL(`**/m/public/projects?town=${TOWN}&place=${VILLAGE}`);
      const first = m.locator('[data-project]').first();
      await first.getByTestId('m-pj-progress').waitFor();
      await first.locator('button').first().click();
      await first.getByTestId('m-pj-detail').waitFor();
      if (!m.url().includes('/m/public/projects')) throw new Error(`left the public page: ${m.url()}`);
      await m.screenshot({ path: 'browser/.out/public-projects-phone.png', fullPage: true });
    } finally {
      await phone.close();
    }
  },
};
