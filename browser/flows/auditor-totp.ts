/** (b) The audit administrator signs in with TOTP, sees sign-in rows in the audit trail, verifies the chain. */
import type { BrowserTest } from '../harness';
import { currentTotp, openMenu, submitPassword } from '../helpers';

export const auditorTotp: BrowserTest = {
  name: 'auditor signs in with TOTP, reads the audit trail and verifies the chain',
  slug: 'b-auditor-audit',
  async run({ page }) {
    await submitPassword(page, 'auditor');
    await page.getByTestId('totp-form').waitFor();
    await page.locator('#cc-totp').fill(await currentTotp(page, 'auditor'));
    await page.getByTestId('totp-submit').click();
    await page.getByTestId('console-menu').waitFor();
    await openMenu(page, '审计');
    await page.waitForURL('**/admin/audit');
    await page.getByTestId('audit-table').locator('[data-action="auth.sign_in"]').first().waitFor();
    await page.getByTestId('audit-verify').click();
    const result = page.getByTestId('audit-verify-result');
    await result.getByText('哈希链完整').waitFor();
  },
};
