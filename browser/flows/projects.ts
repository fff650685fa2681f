/**
 * Livelihood projects (issue #14 item 6, #13 item 7): 百子庵村's officer creates a project with two
 * milestones and the demo's representative 陈建国 (17707165001) as its supervisor, and moves the first
 * milestone to 100 %; on his phone the representative sees the project at 50 % on 身边的民生实事, rates
 * it, and the page shows the rating.
 */
import type { BrowserTest } from '../harness';
import { apiResidentSignIn, MOBILE, openMenu, posted, signInStaff } from '../helpers';

const REPRESENTATIVE = { name: '陈建国', phone: '17707165001' };
const day = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

export const projectsFlow: BrowserTest = {
  name: 'projects: an officer creates a project with two milestones and a representative, who rates it; progress is public',
  slug: 'projects',
  timeoutMs: 60_000,
  async run({ page, baseUrl }) {
    await signInStaff(page, 'baizian');
    await openMenu(page, '民生实事');
    await page.waitForURL('**/admin/projects');
    await page.getByTestId('pj-new').click();
    const title = `文化广场照明 ${Date.now() % 100000}`;
    const pickDay = async (id: string, value: string) => {
      await page.locator(`#${id}`).click();
      await page.locator(`#${id}`).fill(value);
      await page.locator(`#${id}`).press('Enter');
    };
    await page.locator('#placeCode').fill('421081107212');
    await page.locator('#title').fill(title);
    await page.locator('#budget').fill('80000');
    await page.locator('#funds_0_amount').fill('80000');
    await pickDay('startsOn', day(-10));
    await pickDay('dueOn', day(60));
    await page.locator('#milestones_0_title').fill('基础施工');
    await pickDay('milestones_0_dueOn', day(20));
    await page.getByTestId('pj-add-milestone').click();
    await page.locator('#milestones_1_title').fill('灯具安装');
    await pickDay('milestones_1_dueOn', day(50));
    await page.locator('#supervisors').click();
    await page.locator('#supervisors').fill(REPRESENTATIVE.name);
    await page.locator('.ant-select-item-option', { hasText: REPRESENTATIVE.name }).first().click();
    await posted(page, '/api/projects', () => page.locator('#pj-submit').click());
    await page.waitForURL(/\/admin\/projects\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const first = page.locator('tr', { hasText: '基础施工' });
    await first.locator('input').fill('100');
    await posted(page, '/progress', () => first.getByTestId('pj-set-progress').click());
    await page.getByTestId('pj-progress').getByText('50%').waitFor();

    const phone = await page
      .context()
      .browser()!
      .newContext({ ...MOBILE, baseURL: baseUrl });
    const m = await phone.newPage();
    try {
      m.setDefaultTimeout(15_000);
      await apiResidentSignIn(m, REPRESENTATIVE.phone);
      await m.goto('/m/projects');
      const card = m.locator(`[data-project="${id}"]`);
      await card.getByText('50%').waitFor();
      await card.getByText(title).click();
      const form = card.getByTestId('m-pj-rate');
      await form.getByTestId('m-pj-rate-progress').locator('.adm-rate-star[aria-label="4"]').tap();
      await form.getByTestId('m-pj-rate-quality').locator('.adm-rate-star[aria-label="5"]').tap();
      await form.locator('textarea').fill('基础做得扎实');
      await posted(m, '/rating', () => form.getByTestId('m-pj-submit').click());
      await card.getByTestId('m-pj-ratings').getByText('1 人', { exact: false }).waitFor();
      await card.getByText('「基础做得扎实」').waitFor();
    } catch (e) {
      await m.screenshot({ path: 'browser/.out/projects-phone-failed.png', fullPage: true }).catch(() => undefined);
      throw e;
    } finally {
      await phone.close();
    }
  },
};
