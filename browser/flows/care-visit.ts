/** (issue #14) The demo grid worker's due visit becomes a problem on the three lists with a task. */
import type { BrowserTest } from '../harness';
import { openMenu, signInStaff } from '../helpers';

const KEYS = ['health', 'food_clothing', 'housing_safety', 'income', 'medical', 'care', 'policy', 'mood', 'needs'];

export const careVisit: BrowserTest = {
  name: "a grid worker's due visit becomes a three-lists problem with a task",
  slug: 'care-visit',
  async run({ page }) {
    await signInStaff(page, 'gridworker');
    await openMenu(page, '九必问走访');
    await page.waitForURL('**/admin/care-due');
    const table = page.getByTestId('care-due-table');
    await table.getByRole('button', { name: '登记走访' }).first().click();
    await page.waitForURL(/\/admin\/care\/[0-9a-f-]{36}$/);
    const form = page.getByTestId('care-visit-form');
    await form.waitFor();
    for (const key of KEYS)
      await form.getByTestId(`care-answer-${key}`).fill(key === 'housing_safety' ? '屋顶漏雨' : '还好');
    await form.getByTestId('care-add-need').click();
    const title = `屋顶漏雨需维修 ${Date.now() % 100000}`;
    await form.getByTestId('care-need-title').fill(title);
    await form.getByTestId('care-need-description').fill('东侧屋顶漏雨，需要联系维修');
    await form.getByTestId('care-need-task').fill('联系维修队');
    await form.getByTestId('care-visit-submit').click();
    await page.getByText('已列入问题清单 1 项', { exact: false }).waitFor();
    await openMenu(page, '三个清单');
    await page.waitForURL('**/admin/worklists');
    await page.getByTestId('wl-problems').getByText(title).click();
    await page.waitForURL(/\/admin\/worklists\/[0-9a-f-]{36}$/);
    await page.getByTestId('wl-tasks').getByText('联系维修队').waitFor();
  },
};
