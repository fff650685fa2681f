/** (d) The language switch turns the console to English (menu, header, page). */
import type { BrowserTest } from '../harness';
import { signInStaff } from '../helpers';

export const languageSwitch: BrowserTest = {
  name: 'language switch turns the console to English',
  slug: 'd-console-english',
  async run({ page }) {
    await signInStaff(page, 'county');
    await page.getByTestId('console-menu').getByText('区划').waitFor();
    await page.getByTestId('lang-switch').getByText('English').click();
    const menu = page.getByTestId('console-menu');
    await menu.getByText('Divisions').waitFor();
    await menu.getByText('Overview').waitFor();
    await page.getByTestId('sign-out').getByText('Sign out').waitFor();
    await page.getByText('My roles and scopes').first().waitFor();
    await page.getByTestId('lang-switch').locator('.ant-segmented-item-selected').getByText('English').waitFor();
    await page.locator('.ant-segmented-thumb').waitFor({ state: 'detached' });
    if (await menu.getByText('区划').count()) throw new Error('menu still shows Chinese after switching');
  },
};
