/** (#11 item 13) A console with no camera: the pickup desk says so (zh) and keeps the typed code. */
import path from 'node:path';
import type { BrowserTest } from '../harness';
import { apiSignIn } from '../helpers';

export const pickupNoCamera: BrowserTest = {
  name: 'pickup desk on a computer without a camera says so and keeps the typed code',
  slug: 'h-pickup-no-camera',
  context: { permissions: ['camera'] }, // allowed, but the suite's browser has no camera device
  async run({ page }) {
    await apiSignIn(page, 'baizian');
    await page.goto('/admin/points-pickup');
    await page.getByTestId('pts-scan-start').click();
    const problem = page.locator('[data-testid="pts-scan-problem"][data-problem="camera_missing"]');
    await problem.getByText('没有找到可用的摄像头').waitFor();
    await problem.getByText('仍可在下方输入 6 位取货码核销').waitFor();
    await page.locator('#pts-pickup-code').fill('123456');
    await page.screenshot({ path: path.resolve('browser/.out/h-pickup-no-camera.png'), fullPage: true });
  },
};
