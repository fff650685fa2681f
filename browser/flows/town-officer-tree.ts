/** (a) A town officer signs in and finds 百子庵村委会 under 高基庙镇 in the division tree. */
import type { BrowserTest } from '../harness';
import { openMenu, signInStaff } from '../helpers';

export const townOfficerTree: BrowserTest = {
  name: 'town officer browses the division tree to 百子庵村委会',
  slug: 'a-town-officer-tree',
  async run({ page }) {
    await signInStaff(page, 'gaojimiao');
    await page.getByTestId('current-user').getByText('高基庙镇干部（演示）').waitFor();
    await openMenu(page, '区划');
    await page.waitForURL('**/admin/divisions');
    const tree = page.getByTestId('division-tree');
    const town = tree.locator('.ant-tree-treenode', { has: page.locator('[data-code="421081107"]') });
    await town.getByText('高基庙镇').waitFor();
    await town.locator('.ant-tree-switcher').click();
    const village = tree.locator('[data-code="421081107212"]');
    await village.getByText('百子庵村委会').waitFor();
    await village.click();
    await page.getByTestId('division-detail-title').getByText('百子庵村委会').waitFor();
  },
};
