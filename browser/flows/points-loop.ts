/**
 * (g) Points, end to end: the demo woodpecker (13800000002) reports exposed rubbish (暴露垃圾, grid tier) inside
 * one of 百子庵村's grids; the grid worker files it; the cases.filed worker creates a pending award of 10; 高基庙镇
 * sets the village's publicity to 0 days at 积分设置; 百子庵村's officer reviews and publishes it at 审核 (credited
 * at once); the woodpecker's balance shows 10; the officer adds 洗衣粉 (10 积分, stock 5); the woodpecker redeems it
 * and gets a pickup code and QR; at 兑换核销 a wrong code typed is refused, a console without camera permission says
 * so, and the officer's camera (Chromium's fake camera showing the resident's QR) reads it and confirms the pickup;
 * the redemption shows 已领取.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { BrowserTest } from '../harness';
import { API_HEADERS, apiSignIn, MOBILE, posted, submitCaseAction } from '../helpers';
import { fakeCameraArgs, showOnFakeCamera } from './fake-camera';
import { residentSignInWhenAllowed, pointInGrid } from './points-helpers';

const PHONE = '13800000002';
const VILLAGE = '421081107212';

export const pointsLoop: BrowserTest = {
  name: 'points: woodpecker report filed, award published and credited, item redeemed, pickup confirmed',
  slug: 'g-points-loop',
  timeoutMs: 150_000,
  order: 1, // last: resident-place signs in with the same phone (13800000002), one SMS code a minute
  launchArgs: fakeCameraArgs,
  context: { permissions: ['camera'] },
  async run({ page, baseUrl }) {
    const out = path.resolve('browser/.out');
    const mobile = await page
      .context()
      .browser()!
      .newContext({ ...MOBILE, baseURL: baseUrl });
    const m = await mobile.newPage();
    try {
      m.setDefaultTimeout(15_000);
      // a point inside one of 百子庵村's grids, read as the grid worker
      await apiSignIn(page, 'gridworker');
      const [lng, lat] = await pointInGrid(page, VILLAGE);

      await residentSignInWhenAllowed(m, PHONE);
      const reported = await m.request.post('/api/cases', {
        headers: { ...API_HEADERS, 'Idempotency-Key': crypto.randomUUID() },
        data: {
          description: '百子庵村村口有一堆暴露垃圾，好几天没人清理',
          categoryCode: '06010',
          lng,
          lat,
          coordSystem: 'wgs84',
        },
      });
      if (reported.status() !== 201) throw new Error(`report: HTTP ${reported.status()} ${await reported.text()}`);
      const { id } = (await reported.json()) as { id: string };
      // where it landed, as the grid worker sees it (the reporter's view carries no routing)
      const c = (await (await page.request.get(`/api/cases/${id}`)).json()) as { number: string; divisionCode: string };
      if (!c.divisionCode?.startsWith(VILLAGE))
        throw new Error(`the report landed in ${c.divisionCode}, not in ${VILLAGE}`);

      // the grid worker files it (立案) in 受理派遣
      await page.goto('/admin/triage');
      await page.locator(`tr[data-number="${c.number}"]`).locator('[data-action="file"]').click();
      await submitCaseAction(page, `file ${c.number}`);

      // 高基庙镇 sets 百子庵村's publicity period to 0 days (settings belong to town officers)
      await apiSignIn(page, 'gaojimiao');
      await page.goto(`/admin/points-settings?scope=${VILLAGE}`);
      await page.getByTestId('pts-settings-scope').getByText('百子庵村委会').waitFor();
      await page.waitForFunction(
        () => (document.querySelector('#pts-publicityDays') as HTMLInputElement | null)?.value === '3',
      );
      await page.locator('#pts-publicityDays').fill('0');
      await posted(page, `/settings/${VILLAGE}`, () => page.getByTestId('pts-settings-save').click());
      await page.getByText('本级已单独设置').waitFor();

      // 百子庵村's officer: the award (from the cases.filed worker) appears pending in 审核; review, then publish
      await apiSignIn(page, 'baizian');
      await page.goto('/admin/points-awards');
      const row = page.locator(`tr[data-source="case:${id}"]`);
      for (let i = 0; i < 15 && !(await row.isVisible()); i++) {
        await page.waitForTimeout(1000);
        await page.getByTestId('pts-awards-refresh').click();
        await page.waitForLoadState('networkidle');
      }
      await row.getByText('待审核').waitFor();
      await posted(page, '/steps', () => row.locator('[data-action="review"]').click());
      await row.getByText('已审核').waitFor();
      await page.screenshot({ path: path.join(out, 'g1-awards-reviewed.png'), fullPage: true });
      const award = (await posted(page, '/steps', () => row.locator('[data-action="publish"]').click())) as {
        state: string;
      };
      if (!['credited', 'published'].includes(award.state)) throw new Error(`published award is ${award.state}`);

      // the woodpecker's balance shows 10 once credited (at once with 0 days; else at the worker's next tick)
      await m.goto('/m/points?tab=history');
      for (let i = 0; i < 35 && (await m.getByTestId('m-points-balance').innerText()).trim() !== '10'; i++) {
        await m.waitForTimeout(2000);
        await m.reload();
        await m.getByTestId('m-points-balance').waitFor();
      }
      await m.getByTestId('m-points-balance').getByText('10', { exact: true }).waitFor();
      await m.getByTestId('m-history').getByText(`啄木鸟线索立案：${c.number}`).waitFor();

      // the officer adds 洗衣粉 to the village shop
      await page.goto('/admin/points-items');
      await page.getByTestId('pts-item-new').click();
      await page.locator('#pts-item-name').fill('洗衣粉');
      await page.locator('#pts-item-price').fill('10');
      await page.locator('#pts-item-stock').fill('5');
      await posted(page, '/api/points/console/items', () => page.locator('.ant-modal-footer .ant-btn-primary').click());
      await page.locator('tr[data-item="洗衣粉"]').waitFor();

      // the woodpecker redeems it and sees the pickup code and QR
      await m.goto('/m/points?tab=shop');
      await m.locator('[data-item="洗衣粉"]').getByTestId('m-redeem').click();
      await posted(m, '/api/points/redemptions', () => m.locator('.adm-dialog-button', { hasText: '兑换' }).click());
      const code = (await m.getByTestId('m-pickup-code').first().innerText()).trim();
      if (!/^\d{6}$/.test(code)) throw new Error(`pickup code "${code}"`);
      await m.getByTestId('m-pickup-qr').first().waitFor();
      await m.getByTestId('m-points-balance').getByText('0', { exact: true }).waitFor();
      await m.locator('.adm-toast-mask').waitFor({ state: 'detached' });
      await m.screenshot({ path: path.join(out, 'g2-woodpecker-pickup-code.png'), fullPage: true });

      // at 兑换核销 a wrong code typed is refused with the attempts left (typing stays the fallback)
      await page.goto('/admin/points-pickup');
      const wrong = code === '000000' ? '000001' : '000000';
      await page.locator('#pts-pickup-code').fill(wrong);
      await page.getByTestId('pts-pickup-submit').click();
      await page.getByTestId('pts-pickup-error').getByText('还可尝试 4 次').waitFor();
      await cameraRefusedSaysSo(page, baseUrl);
      // the officer's camera reads the resident's QR and the desk confirms the pickup
      await showOnFakeCamera(m.getByTestId('m-pickup-qr').first());
      await posted(page, '/api/points/console/pickup', () => page.getByTestId('pts-scan-start').click());
      await page.getByTestId('pts-pickup-ok').getByText('洗衣粉').waitFor();
      // one read, one pickup: the camera turns off after the first code it reads
      await page.locator('[data-testid="pts-scan-video"][data-state="idle"]').waitFor({ state: 'attached' });
      await page.getByTestId('pts-scan-start').waitFor();
      await page.waitForTimeout(1500);
      if (await page.getByTestId('pts-pickup-error').count()) throw new Error('the QR was sent twice');
      await page.screenshot({ path: path.join(out, 'g3-pickup-desk.png'), fullPage: true });

      // the redemption shows 已领取 in the app
      await m.goto('/m/points?tab=redemptions');
      await m.locator('[data-state="fulfilled"]').getByTestId('m-redemption-state').getByText('已领取').waitFor();
      await m.screenshot({ path: path.join(out, 'g4-woodpecker-picked-up.png'), fullPage: true });

      // the same pages in English
      await m.evaluate(() => localStorage.setItem('cc.lang', 'en'));
      await m.goto('/m/points?tab=history');
      await m.getByText('Points available').waitFor();
      await m.screenshot({ path: path.join(out, 'g5-woodpecker-history-en.png'), fullPage: true });
      await page.goto('/admin/points-ledger');
      await page.getByTestId('pts-places-table').getByText('百子庵村委会').waitFor();
    } catch (e) {
      await m.screenshot({ path: path.join(out, 'g-woodpecker-failed.png'), fullPage: true }).catch(() => undefined);
      throw e;
    } finally {
      await mobile.close();
    }
  },
};

/** A console whose camera permission is refused tells the officer so and keeps the typed code. */
async function cameraRefusedSaysSo(page: Page, baseUrl: string): Promise<void> {
  const refused = await page.context().browser()!.newContext({ baseURL: baseUrl, locale: 'zh-CN' });
  try {
    const p = await refused.newPage();
    await apiSignIn(p, 'baizian');
    await p.goto('/admin/points-pickup');
    await p.getByTestId('pts-scan-start').click();
    await p
      .locator('[data-testid="pts-scan-problem"][data-problem="camera_denied"]')
      .getByText('摄像头权限被拒绝')
      .waitFor();
    await p.locator('#pts-pickup-code').waitFor();
    await p.screenshot({ path: path.resolve('browser/.out/g3-pickup-camera-refused.png'), fullPage: true });
  } finally {
    await refused.close();
  }
}
