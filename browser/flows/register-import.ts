/**
 * (e) The village officer of 百子庵村 imports two households (CSV) into one of the village's grids and a
 * resident of one of them through the wizard (dry run → import), then finds the resident in 人员查询.
 */
import type { Page } from 'playwright-core';
import type { BrowserTest } from '../harness';
import { idNumber, openMenu, signInStaff } from '../helpers';

const VILLAGE = '421081107212';

async function importCsv(page: Page, sheet: string, csv: string, rows: number): Promise<void> {
  // the wizard names registers in words only: the sheet is the radio's value
  await page
    .getByTestId('register-choice')
    .locator('label', { has: page.locator(`input[value="${sheet}"]`) })
    .click();
  await page.getByTestId('imp-next').click();
  await page.getByTestId('imp-template').waitFor();
  await page.getByTestId('imp-next').click();
  await page
    .getByTestId('imp-upload')
    .locator('input[type=file]')
    .setInputFiles({ name: `${sheet}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.getByTestId('imp-file').waitFor();
  await page.getByTestId('imp-dry-run').click();
  await page.getByTestId('import-summary').getByText(`共 ${rows} 行：正确 ${rows} 行，错误 0 行`).waitFor();
  await page.getByTestId('imp-mode').getByText('全部正确才导入').click();
  await page.getByTestId('imp-start').click();
  await page.getByTestId('imp-result').getByText(`已导入 ${rows} 行`).waitFor();
}

export const registerImport: BrowserTest = {
  name: 'village officer imports households and a resident, then finds the resident',
  slug: 'e-register-import',
  async run({ page }) {
    await signInStaff(page, 'baizian');
    const coverage = await page.request.get(`/api/coverage/${VILLAGE}`);
    if (!coverage.ok()) throw new Error(`GET /api/coverage/${VILLAGE}: HTTP ${coverage.status()}`);
    const grid = ((await coverage.json()) as { children: { code: string; kind: string }[] }).children.find(
      (c) => c.kind === 'grid',
    )?.code;
    if (!grid) throw new Error(`no grid under ${VILLAGE}`);
    const n = 1000 + Math.floor(Math.random() * 8000);
    const [h1, h2] = [`${grid}000${n}`, `${grid}000${n + 1}`];
    const name = `测试居民${String(n).slice(-2)}`;

    await openMenu(page, '台账导入');
    await page.waitForURL('**/admin/registers');
    await importCsv(
      page,
      'households',
      `户编码,地址,经度,纬度\n${h1},石首市高基庙镇百子庵村1组${n}号,,\n${h2},石首市高基庙镇百子庵村1组${n + 1}号,,\n`,
      2,
    );
    await page.getByTestId('imp-again').click();
    await importCsv(
      page,
      'residents',
      `户编码,姓名,身份证号,手机号,与户主关系\n${h1},${name},${idNumber('421081', '19850315', n % 1000)},,户主\n`,
      1,
    );

    await openMenu(page, '人员查询');
    await page.waitForURL('**/admin/people');
    await page.locator('#cc-people-q').fill(name);
    await page.locator('#cc-people-q').press('Enter');
    const table = page.getByTestId('people-table');
    await table.getByText(name).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText(h1).first().waitFor();
    await drawer.locator('.ant-table-row').first().waitFor();
  },
};
