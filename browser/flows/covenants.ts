/**
 * 村规民约 (issue #13 item 5): 百子庵村's village officer (baizian) drafts a new version of the covenant
 * in the console, changes one article, sees it in the diff with the version in force, and adopts it
 * citing the demo's 四议两公开 matter whose resolution passed; a resident of the village then reads the
 * new article in 我的村规民约 on a phone, reached from the home page's services.
 */
import type { BrowserTest } from '../harness';
import { API_HEADERS, MOBILE, apiResidentSignIn, apiSignIn, posted } from '../helpers';

const VILLAGE = '421081107212';
const PHONE = '13917000001';
const MATTER = '修订《百子庵村村规民约》';
const ARTICLE = 13; // 环境卫生: 门前三包

export const covenantsFlow: BrowserTest = {
  name: '村规民约: a village officer drafts a version changing one article, sees the diff, adopts it citing the resolved matter; a resident reads the new article',
  slug: 'covenants',
  timeoutMs: 90_000,
  async run({ page, baseUrl }) {
    page.setDefaultTimeout(15_000);
    await apiSignIn(page, 'baizian');
    const list = await page.request.get(`/api/covenants?scope=${VILLAGE}`, { headers: API_HEADERS });
    const covenant = ((await list.json()) as { items: { id: string }[] }).items[0];
    if (!covenant) throw new Error(`no covenant of ${VILLAGE} in the demo`);
    const n = 1000 + Math.floor(Math.random() * 9000);
    const text = `做好房前屋后“门前三包”，保持庭院整洁，柴草、农具堆放整齐，每月参加一次村庄清洁日（${n}）。`;

    // a new draft from the covenant's page
    await page.goto(`/admin/covenants/${covenant.id}`);
    await page.getByTestId('cov-version').first().waitFor();
    await page.getByTestId('cov-new-draft').click();
    await page.getByTestId('cov-label').fill(`${new Date().getFullYear() + 1}年修订 ${n}`);
    await page
      .locator('.ant-modal')
      .getByRole('button', { name: /OK|确\s*定/ })
      .click();
    await page.waitForURL('**/admin/covenant-versions/*');
    await page.getByTestId('cov-state').getByText('草稿').waitFor();

    // change one article, save: the diff with the version in force shows exactly that change
    const body = page.getByTestId(`cov-body-${ARTICLE}`);
    await body.fill(text);
    await posted(page, '/articles', () => page.getByTestId('cov-save').click());
    const diff = page.getByTestId('cov-diff');
    await diff.getByText(text).waitFor();
    const changes = await diff.locator('[data-testid^="cov-change-"]').count();
    if (changes !== 1) throw new Error(`the diff lists ${changes} changes, expected 1`);
    await diff.getByTestId('cov-change-changed').getByText(`第 ${ARTICLE} 条 → 第 ${ARTICLE} 条`).waitFor();
    await diff.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'browser/.out/covenants-diff.png' });

    // adopt citing the resolved matter
    await page.getByTestId('cov-adopt').click();
    const modal = page.locator('.ant-modal').filter({ hasText: '通过并公布' });
    await modal.getByTestId('cov-matter').click();
    await page.locator('.ant-select-dropdown').getByText(MATTER).first().click();
    await posted(page, '/adopt', () => modal.locator('#cov-adopt-ok').click());
    await page.getByTestId('cov-state').getByText('现行有效').waitFor();

    // the 红白理事会 sees the demo's event over the limits, flagged with the article it exceeds
    await page.goto('/admin/family-events');
    await page.getByTestId('cov-flag-over').first().waitFor();
    await page.screenshot({ path: 'browser/.out/covenants-events.png' });
    await page.goto('/admin/councils');
    await page.getByTestId('cov-councils').getByText('百子庵村红白理事会').waitFor();

    // a resident of 百子庵村 reads the new article on a phone
    const mobile = await page
      .context()
      .browser()!
      .newContext({ ...MOBILE, baseURL: baseUrl });
    const m = await mobile.newPage();
    m.setDefaultTimeout(15_000);
    try {
      await apiResidentSignIn(m, PHONE);
      const placed = await m.request.put('/api/me/place', { headers: API_HEADERS, data: { divisionCode: VILLAGE } });
      if (!placed.ok()) throw new Error(`PUT /api/me/place: HTTP ${placed.status()}`);
      await m.goto('/m/');
      const ask = m.getByTestId('m-elderly-yes');
      if (await ask.isVisible().catch(() => false)) await ask.click();
      await m.getByTestId('home-covenant').click();
      await m.getByTestId('m-covenant').waitFor();
      const article = m.getByTestId(`m-article-${ARTICLE}`);
      await article.getByText(text, { exact: false }).waitFor();
      await article.scrollIntoViewIfNeeded();
      await m.screenshot({ path: 'browser/.out/covenants-resident.png' });
    } finally {
      await mobile.close();
    }
  },
};
