/**
 * (f) The case loop with every role doing its part: a resident reports a shop occupying the road
 * (占道经营, department tier) with a camera-sized photo (made small on the phone before it goes up, and
 * sent before the report names it), located by the phone's GPS in a grid of 百子庵村; 高基庙镇's
 * dispatcher files it and dispatches it to 城市管理执法局; the handler accepts and feeds back; the
 * village's grid worker verifies and closes it; the resident rates it 5; the indicators page counts it.
 */
import type { Page } from 'playwright-core';
import path from 'node:path';
import type { BrowserTest } from '../harness';
import {
  apiResidentSignIn,
  apiSignIn,
  phoneInVillageGrid,
  pickProblem,
  submitCaseAction,
  submitReport,
} from '../helpers';

/** A photo as a phone camera makes it: 3000×2000, JPEG, a few MB. */
async function cameraPhoto(): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  return sharp({
    create: {
      width: 3000,
      height: 2000,
      channels: 3,
      background: '#7a8c5e',
      noise: { type: 'gaussian', mean: 120, sigma: 40 },
    },
  })
    .jpeg({ quality: 95 })
    .toBuffer();
}

const PHONE = '13800000001';

/** Opens a console queue, clicks an action on the case's row and confirms its form (with a note if asked). */
async function act(page: Page, queue: string, number: string, action: string, note?: string): Promise<void> {
  await page.goto(`/admin/${queue}`);
  const row = page.locator(`tr[data-number="${number}"]`);
  await row.locator(`[data-action="${action}"]`).click();
  const form = page.getByTestId('action-form');
  await form.waitFor();
  if (action === 'dispatch') {
    await form.getByText('职能部门').click();
    await form.getByTestId('dispatch-department').click();
    await page.keyboard.type('城市管理');
    await page.locator('.ant-select-item-option', { hasText: '城市管理执法局' }).click();
  }
  if (note) await page.getByTestId('action-note').fill(note);
  await submitCaseAction(page, `${action} ${number}`);
}

export const caseLoop: BrowserTest = {
  name: 'case loop: resident reports with a photo, dispatcher dispatches, department handles, grid worker verifies, resident rates, indicators count it',
  slug: 'f-case-loop',
  async run({ page, baseUrl }) {
    const out = path.resolve('browser/.out');
    // A point inside one of 百子庵村's grids (the vertex mean of its cell), where the phone "is".
    const mobile = await phoneInVillageGrid(page, baseUrl, '421081107212'); // 百子庵村
    const m = await mobile.newPage();
    try {
      m.setDefaultTimeout(15_000);
      await apiResidentSignIn(m, PHONE);
      await m.goto('/m/report');
      await pickProblem(m, '占道经营', '占道经营');
      await m.locator('#cc-m-description').fill('村口小卖部长期占道经营，货物堆到路中间，车辆和行人通行困难');
      await m.getByTestId('m-gps').click();
      await m.getByTestId('m-suggestion').waitFor();
      const original = await cameraPhoto();
      const photo = m.waitForResponse((r) => r.url().endsWith('/api/photos') && r.request().method() === 'POST');
      await m
        .getByTestId('m-photos')
        .locator('input[type=file]')
        .setInputFiles({ name: 'shop.jpg', mimeType: 'image/jpeg', buffer: original });
      const photoRes = await photo;
      if (photoRes.status() !== 201) throw new Error(`photo upload: HTTP ${photoRes.status()}`);
      const sent = (await photoRes.json()) as { id: string; width: number; height: number; bytes: number };
      const { requestBodySize } = await photoRes.request().sizes();
      if (Math.max(sent.width, sent.height) > 1600 || requestBodySize > original.length / 4)
        throw new Error(
          `the photo was not made small before upload: ${sent.width}×${sent.height}, ${requestBodySize} bytes sent of ${original.length}`,
        );
      await m.getByTestId('m-photos').locator('.cc-m-photo img').first().waitFor();
      await m.screenshot({ path: path.join(out, 'f1-resident-report.png'), fullPage: true });
      const filed = m.waitForRequest((r) => r.url().endsWith('/api/cases') && r.method() === 'POST');
      await submitReport(m);
      const named = ((await filed).postDataJSON() as { photoIds?: string[] }).photoIds;
      if (named?.[0] !== sent.id) throw new Error(`the report did not name its photo: ${JSON.stringify(named)}`);
      const number = (await m.getByTestId('m-case-number').innerText()).trim();
      const id = m.url().split('/').pop()!;

      await apiSignIn(page, 'gaojimiao');
      await act(page, 'triage', number, 'file');
      await act(page, 'triage', number, 'dispatch');
      await apiSignIn(page, 'chengguan');
      await act(page, 'tasks', number, 'accept');
      await act(page, 'tasks', number, 'feedback', '已约谈店主，货物已清出道路，设置了摆放界线');
      await apiSignIn(page, 'gridworker');
      await act(page, 'verify', number, 'verify', '网格员现场核查：道路已畅通');
      await page.goto(`/admin/cases/${id}`);
      await page.getByTestId('case-state').getByText('已结案').waitFor();
      await page.getByTestId('case-photos').locator('img').first().waitFor();
      await page.screenshot({ path: path.join(out, 'f2-case-detail.png'), fullPage: true });

      await m.goto(`/m/me/reports/${id}`);
      await m.getByTestId('m-case-state').getByText('已结案').waitFor();
      await m.getByTestId('m-rate').locator('.adm-rate-star[aria-label="5"]').tap();
      await m.getByTestId('m-rate').locator('.adm-rate-star-active').nth(4).waitFor();
      await m.getByTestId('m-rate-submit').click();
      await m.getByTestId('m-rate').getByText('您的评价').waitFor();
      await m.locator('.adm-toast-mask').waitFor({ state: 'detached' });
      await m.screenshot({ path: path.join(out, 'f3-resident-rated.png'), fullPage: true });

      await apiSignIn(page, 'gaojimiao');
      await page.goto('/admin/indicators');
      await page.getByTestId('ind-dimension').getByText('部门').click();
      await page.locator('.ant-segmented-thumb').waitFor({ state: 'detached' });
      const row = page.getByTestId('ind-table').locator('tr', { has: page.locator('[data-key="421081-cgj"]') });
      await row.waitFor();
      const cells = await row.locator('td').allInnerTexts();
      if (!cells.includes('100.0%'))
        throw new Error(`indicators row of 421081-cgj has no 100.0% satisfaction: ${cells.join(' | ')}`);
    } catch (e) {
      await m.screenshot({ path: path.join(out, 'f-resident-failed.png'), fullPage: true }).catch(() => undefined);
      throw e;
    } finally {
      await mobile.close();
    }
  },
};
