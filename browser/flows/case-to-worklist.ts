/**
 * 转为三张清单问题 (issue #14): 百子庵村's officer opens one of the village's cases in the console, lists it
 * as a problem of the three lists, and lands on the problem, its source the case.
 */
import type { BrowserTest } from '../harness';
import { apiSignIn, posted } from '../helpers';

export const caseToWorklist: BrowserTest = {
  name: 'cases: a village officer turns a case of the village into a three-lists problem',
  slug: 'case-to-worklist',
  timeoutMs: 60_000,
  async run({ page }) {
    await apiSignIn(page, 'baizian');
    const list = await page.request.get('/api/cases?queue=all&limit=50');
    if (!list.ok()) throw new Error(`GET /api/cases: HTTP ${list.status()}`);
    const { items } = (await list.json()) as { items: { id: string; number: string; divisionCode: string }[] };
    const c = items.find((x) => x.divisionCode.startsWith('421081107212'));
    if (!c) throw new Error('no case of 百子庵村 in the demo');

    await page.goto(`/admin/cases/${c.id}`);
    await page.getByTestId('case-to-worklist').click();
    const title = page.getByTestId('case-to-worklist-title');
    await title.fill(`案件转问题 ${Date.now()}`);
    await page.screenshot({ path: 'browser/.out/case-to-worklist-form.png' });
    const created = (await posted(page, '/api/worklists/problems', () =>
      page
        .locator('.ant-modal')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click(),
    )) as { id: string };
    await page.waitForURL(`**/admin/worklists/${created.id}`);
    await page.getByText(c.number).first().waitFor();
  },
};
