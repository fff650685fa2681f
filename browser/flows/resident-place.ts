/** (c) A resident signs in to /m with the SMS code, sets my place, and sees it on the home tab. */
import type { BrowserTest } from '../harness';

// 13800000002: the case loop signs in 13800000001, and a phone may ask for a code once a minute.
const PHONE = '13800000002';

export const residentPlace: BrowserTest = {
  name: 'resident signs in by SMS code and sets my place',
  slug: 'c-resident-place',
  context: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
  async run({ page }) {
    await page.goto('/m');
    await page.waitForURL('**/m/sign-in');
    await page.locator('#cc-phone').fill(PHONE);
    const sent = page.waitForResponse((r) => r.url().endsWith('/api/auth/sms-code') && r.request().method() === 'POST');
    await page.getByTestId('m-send-code').click();
    if (!(await sent).ok()) throw new Error('sms-code request failed');
    const sms = await page.request.get(`/api/demo/sms?phone=${PHONE}`);
    const code = ((await sms.json()) as { body: string | null }).body?.match(/\d{6}/)?.[0];
    if (!code) throw new Error('no code in the demo SMS outbox');
    await page.locator('#cc-code').fill(code);
    await page.getByTestId('m-signin').click();
    await page.getByTestId('home-place').waitFor();

    await page.getByTestId('tab-me').click();
    await page.getByTestId('me-place-item').click();
    const picker = page.getByTestId('place-picker');
    await picker.locator('[data-code="421081107"]').click();
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/me/place') && r.request().method() === 'PUT');
    await picker.locator('[data-code="421081107201"]').click();
    if (!(await saved).ok()) throw new Error('PUT /api/me/place failed');
    await page.getByTestId('me-place').getByText('津南村委会').waitFor();

    await page.getByTestId('tab-home').click();
    await page.getByTestId('home-place-name').getByText('津南村委会').waitFor();
    await page.locator('.adm-toast-mask').waitFor({ state: 'detached' });
  },
};
