/**
 * (#11 item 13) The security administrator grants a role to a person found by phone or name, not by a pasted
 * user ID: a whole phone finds the demo woodpecker (shown masked), part of a phone is refused with a reason.
 */
import path from 'node:path';
import type { BrowserTest } from '../harness';
import { currentTotp, openMenu, submitPassword } from '../helpers';

export const rolesGrantee: BrowserTest = {
  name: 'security administrator finds the person to grant a role to by phone or name',
  slug: 'h-roles-grantee',
  async run({ page }) {
    await submitPassword(page, 'secadmin');
    await page.getByTestId('totp-form').waitFor();
    await page.locator('#cc-totp').fill(await currentTotp(page, 'secadmin'));
    await page.getByTestId('totp-submit').click();
    await page.getByTestId('console-menu').waitFor();
    await openMenu(page, '角色');
    await page.getByRole('button', { name: '授予角色' }).click();
    const select = page.getByTestId('grantee-select');
    const search = select.locator('input');
    await search.fill('0002');
    await page.getByText('按手机号查找需输入完整的 11 位手机号').waitFor();
    await search.fill('13800000002');
    const option = page.locator('.ant-select-item-option', { hasText: '138****0002' });
    await option.waitFor();
    if (await page.getByText('13800000002', { exact: false }).locator('visible=true').count())
      throw new Error('the phone is shown in clear');
    await option.click();
    await select.getByText('138****0002').waitFor();
    await page.screenshot({ path: path.resolve('browser/.out/h-roles-grantee-picked.png'), fullPage: true });
  },
};
