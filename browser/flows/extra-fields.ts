/**
 * A category's extra fields reach the resident: the county officer gives 门禁损坏 (a local category)
 * a required 楼栋号, a choice of door-entry types and a yes/no; a resident reporting under it is told
 * which field is missing, fills them in, and the case carries them; the street's dispatcher files it
 * in the console with the category and its fields prefilled.
 */
import path from 'node:path';
import type { BrowserTest } from '../harness';
import {
  API_HEADERS,
  apiResidentSignIn,
  apiSignIn,
  MOBILE,
  pickProblem,
  submitCaseAction,
  submitReport,
} from '../helpers';

const PHONE = '13800000003';

export const extraFields: BrowserTest = {
  name: 'extra fields: a category’s required field is asked for in the resident app and kept on the case',
  slug: 'g-extra-fields',
  async run({ page, baseUrl }) {
    await apiSignIn(page, 'county');
    const edited = await page.request.patch('/api/categories/L0002', {
      headers: API_HEADERS,
      data: {
        extraFields: [
          { key: 'building', label: { zh: '楼栋号', en: 'Building' }, type: 'string', required: true },
          {
            key: 'entry',
            label: { zh: '门禁类型', en: 'Door-entry type' },
            type: 'enum',
            required: false,
            options: ['刷卡', '密码', '人脸'],
          },
          {
            key: 'locked_out',
            label: { zh: '门打不开', en: 'Door cannot be opened' },
            type: 'boolean',
            required: false,
          },
        ],
      },
    });
    if (!edited.ok()) throw new Error(`edit category: HTTP ${edited.status()} ${await edited.text()}`);

    const mobile = await page
      .context()
      .browser()!
      .newContext({
        ...MOBILE,
        baseURL: baseUrl,
        geolocation: { longitude: 112.419609, latitude: 29.723349 },
        permissions: ['geolocation'],
      });
    const m = await mobile.newPage();
    try {
      m.setDefaultTimeout(15_000);
      await apiResidentSignIn(m, PHONE);
      await m.goto('/m/report');
      await pickProblem(m, '门禁', '门禁坏了');
      await m.locator('#cc-m-description').fill('3 栋单元门禁刷卡没反应，老人进不了门');
      await m.getByTestId('m-gps').click();
      await m.getByTestId('m-location-name').and(m.locator('[data-source="gps"]')).waitFor();
      await m.getByTestId('m-report-submit').click();
      const error = await m.getByTestId('m-report-error').innerText();
      if (!error.includes('楼栋号')) throw new Error(`expected the missing field to be named, got: ${error}`);
      await m.getByTestId('m-extra-building').locator('input').fill('3 栋');
      await m.getByTestId('m-extra-entry').getByRole('option', { name: '刷卡' }).click();
      await m.getByTestId('m-extra-locked_out').click();
      await m.screenshot({ path: path.resolve('browser/.out/g1-extra-fields.png'), fullPage: true });
      const posted = m.waitForResponse((r) => r.url().endsWith('/api/cases') && r.request().method() === 'POST');
      await submitReport(m);
      const created = (await (await posted).json()) as { id: string; extra: Record<string, unknown> };
      await apiSignIn(page, 'county');
      const stored = (await (await page.request.get(`/api/cases/${created.id}`)).json()) as {
        extra: Record<string, unknown>;
      };
      const want: Record<string, unknown> = { building: '3 栋', entry: '刷卡', locked_out: true };
      const same =
        Object.keys(want).length === Object.keys(stored.extra).length &&
        Object.entries(want).every(([k, v]) => stored.extra[k] === v);
      if (!same) throw new Error(`case extra ${JSON.stringify(stored.extra)}, expected ${JSON.stringify(want)}`);

      // the street's dispatcher files it in the console: the category and its fields come prefilled
      await apiSignIn(page, 'xiulin');
      await page.goto('/admin/triage');
      const number = ((await (await page.request.get(`/api/cases/${created.id}`)).json()) as { number: string }).number;
      await page.locator(`tr[data-number="${number}"]`).locator('[data-action="file"]').click();
      const form = page.getByTestId('action-form');
      await form.waitFor();
      await form.getByText('门禁损坏').first().waitFor();
      const building = await form.getByTestId('extra-building').locator('input').inputValue();
      if (building !== '3 栋') throw new Error(`file form shows 楼栋号 "${building}", expected "3 栋"`);
      await page.waitForTimeout(400); // the dialog's opening animation
      await page.screenshot({ path: path.resolve('browser/.out/g2-file-with-fields.png') });
      await submitCaseAction(page, 'file');
    } finally {
      await mobile.close();
    }
  },
};
