/**
 * (#11 item 8) A resident of 百子庵村 applies in the app to join the village's woodpecker team; in the
 * elderly mode a refused second application shows an error that stays until read; the village
 * officer (baizian) approves in the console and the roster shows them; the resident sees 已通过.
 */
import type { BrowserTest } from '../harness';
import { API_HEADERS, apiResidentSignIn, MOBILE, signInStaff } from '../helpers';

const PHONE = '13927000020';
const VILLAGE = '421081107212';

export const woodpeckerEnrolment: BrowserTest = {
  name: 'a resident applies to the woodpecker team, the village officer approves, the roster shows them',
  slug: 'h-woodpecker-enrolment',
  timeoutMs: 90_000,
  async run({ page, baseUrl }) {
    const mobile = await page
      .context()
      .browser()!
      .newContext({ ...MOBILE, baseURL: baseUrl });
    const m = await mobile.newPage();
    try {
      m.setDefaultTimeout(15_000);
      await apiResidentSignIn(m, PHONE);
      const placed = await m.request.put('/api/me/place', { headers: API_HEADERS, data: { divisionCode: VILLAGE } });
      if (!placed.ok()) throw new Error(`PUT /api/me/place: HTTP ${placed.status()}`);

      // elderly mode: a second application (sent meanwhile from elsewhere) is refused, and the error stays
      await m.goto('/m/sign-in');
      await m.evaluate("localStorage.setItem('cc.elderly', '1')");
      await m.goto('/m/woodpecker');
      await m.getByTestId('m-woodpecker-statement').locator('textarea').fill('我每天在村里走，愿意帮忙发现问题');
      const sent = await m.request.post('/api/woodpeckers/me/applications', {
        headers: API_HEADERS,
        data: { villageCode: VILLAGE, statement: '我每天在村里走，愿意帮忙发现问题' },
      });
      if (sent.status() !== 201) throw new Error(`apply: HTTP ${sent.status()} ${await sent.text()}`);
      await m.getByTestId('m-woodpecker-apply').click();
      const dialog = m.locator('.adm-dialog-body').getByText('待村里审核');
      await dialog.waitFor();
      await m.waitForTimeout(4000);
      if (!(await dialog.isVisible())) throw new Error('the elderly-mode error vanished before it was read');
      await m.getByRole('button', { name: '知道了' }).click();
      await m.reload();
      await m.getByTestId('m-woodpecker-applications').locator('[data-state="pending"]').waitFor();

      // the village officer approves in the console; the roster shows the new woodpecker
      await signInStaff(page, 'baizian');
      await page.goto('/admin/woodpeckers');
      const row = page.getByTestId('wp-applications').locator('tr', { hasText: '我每天在村里走' });
      await row.locator('[data-testid^="wp-approve-"]').click();
      await page.getByText('已通过，已成为本村啄木鸟志愿者').waitFor();
      await page.getByRole('tab', { name: '志愿者台账' }).click();
      await page.getByTestId('wp-roster').locator('tr', { hasText: '0020' }).waitFor();

      // the resident sees the state
      await m.reload();
      await m.getByTestId('m-woodpecker-member').waitFor();
      await m.getByTestId('m-woodpecker-applications').locator('[data-state="approved"]').waitFor();
    } finally {
      await mobile.close();
    }
  },
};
