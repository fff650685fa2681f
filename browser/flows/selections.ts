/**
 * (s) 评选, end to end: 高基庙镇 opens a selection of 优秀共同缔造员 (panel: 百子庵村's officer and grid
 * worker, 2 endorsements, no fixed publicity period); resident 13916000001 nominates a neighbour
 * (吴秋菊, by name and phone: 举荐) in the app and 13916000003 endorses; the town checks eligibility;
 * 百子庵村's officer scores at 评审打分 (the grid worker through the API); voting opens; residents vote
 * in the app; voting closes and the ranking is published for 公示; 13916000003 objects in the app;
 * the town answers the objection in the console; results are issued. The town then issues the
 * certificates (荣誉证书) and downloads the winner's PDF, and finds the honour in her person drawer; the
 * winner (吴秋菊) sees it under 我的 → 我的荣誉 in the app and downloads it there.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { BrowserTest } from '../harness';
import { API_HEADERS, apiResidentSignIn, apiSignIn, MOBILE, posted } from '../helpers';

const TOWN = '421081107';
const VILLAGE = '421081107212';
const NEIGHBOUR = { name: '吴秋菊', phone: '13916000002' };

/**
 * Runs `action` (a click on a certificate's download button) and checks what arrives: the GET answers
 * application/pdf, and the file the browser saves is a PDF of a real size. Its size.
 */
async function pdfDownloaded(p: Page, number: string, action: () => Promise<void>): Promise<number> {
  const res = p.waitForResponse((r) => r.url().includes(`/api/selection-certificates/${number}/pdf`));
  const saved = p.waitForEvent('download');
  res.catch(() => undefined);
  saved.catch(() => undefined);
  await action();
  const r = await res;
  if (!r.ok() || r.headers()['content-type'] !== 'application/pdf')
    throw new Error(`certificate ${number}: HTTP ${r.status()} ${r.headers()['content-type']}`);
  const file = await readFile((await (await saved).path())!);
  if (file.subarray(0, 5).toString('latin1') !== '%PDF-' || file.length < 20_000)
    throw new Error(`certificate ${number}: the saved file is not a PDF of a real size (${file.length} bytes)`);
  return file.length;
}

async function ok<T>(what: string, res: Promise<import('playwright-core').APIResponse>): Promise<T> {
  const r = await res;
  if (!r.ok()) throw new Error(`${what}: HTTP ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}

export const selectionsFlow: BrowserTest = {
  name: 'selections: 举荐 in the app, eligibility, panel scoring, votes, 公示 with an objection answered, results',
  slug: 's-selections',
  timeoutMs: 120_000,
  async run({ page, baseUrl }) {
    const out = path.resolve('browser/.out');
    const browser = page.context().browser()!;
    const phones = ['13916000001', '13916000003', '13916000004'];
    const apps: Page[] = [];
    for (const phone of phones) {
      const m = await (await browser.newContext({ ...MOBILE, baseURL: baseUrl })).newPage();
      m.setDefaultTimeout(15_000);
      await apiResidentSignIn(m, phone);
      apps.push(m);
    }
    const [m1, m3, m4] = apps;
    const post = <T>(p: Page, url: string, data: object = {}) =>
      ok<T>(`POST ${url}`, p.request.post(url, { headers: API_HEADERS, data }));
    try {
      // the town opens the selection (panel from its staff list)
      await apiSignIn(page, 'gaojimiao');
      const staff = await ok<{ items: { userId: string; username: string | null }[] }>(
        'staff',
        page.request.get(`/api/staff?scope=${VILLAGE}&limit=200`),
      );
      const panelIds = ['baizian', 'gridworker'].map((u) => staff.items.find((s) => s.username === u)!.userId);
      const at = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
      const title = `优秀共同缔造员评选（流程 ${Date.now() % 100000}）`;
      const sel = await post<{ id: string }>(page, '/api/selections', {
        kind: 'outstanding_cocreator',
        title,
        divisionCode: TOWN,
        quota: 1,
        endorsementsRequired: 2,
        panelWeight: 60,
        publicityDays: 0,
        criteria: [
          { name: '群众口碑', weight: 60, minScore: 0, maxScore: 10 },
          { name: '工作实绩', weight: 40, minScore: 0, maxScore: 10 },
        ],
        panel: panelIds,
        nominationEndsAt: at(1),
        votingStartsAt: at(2),
        votingEndsAt: at(48),
      });
      const url = `/api/selections/${sel.id}`;

      // 13916000001 nominates a neighbour in the app (举荐 by residents: name and phone)
      await m1.goto('/m/');
      await m1.getByTestId('home-tab-selections').click();
      await m1.getByTestId(`m-selection-${title}`).click();
      await m1.getByTestId('m-nominate-name').locator('input').fill(NEIGHBOUR.name);
      await m1.getByTestId('m-nominate-phone').locator('input').fill(NEIGHBOUR.phone);
      await m1.getByTestId('m-nominate-statement').locator('textarea').fill('常年义务打扫村道，热心调解邻里纠纷');
      await posted(m1, '/nominees', () => m1.getByTestId('m-nominate-submit').click());
      // 13916000003 endorses it: the proposal becomes a nomination
      await m3.goto(`/m/selections/${sel.id}`);
      await posted(m3, '/endorse', () => m3.getByTestId(`m-endorse-${NEIGHBOUR.name}`).click());
      await m1.screenshot({ path: path.join(out, 's1-nominated.png'), fullPage: true });

      // the town closes nominations (early, with a reason) and checks eligibility in the console
      await post(page, `${url}/advance`, { reason: '提名已齐（演示流程）' });
      await page.goto(`/admin/selections/${sel.id}`);
      await posted(page, '/check', () => page.getByTestId(`sel-eligible-${NEIGHBOUR.name}`).click());
      await post(page, `${url}/advance`);

      // 百子庵村's officer scores at 评审打分; the grid worker through the API
      await apiSignIn(page, 'baizian');
      await page.goto('/admin/selections-panel');
      await page.getByTestId('panel-select').click();
      await page.locator('.ant-select-item-option', { hasText: title }).click();
      for (const [c, v] of [
        [1, '9'],
        [2, '8'],
      ] as const)
        await page
          .locator(
            `input[data-testid="score-${NEIGHBOUR.name}-${c}"], [data-testid="score-${NEIGHBOUR.name}-${c}"] input`,
          )
          .first()
          .fill(v);
      await posted(page, '/scores', () => page.getByTestId(`score-save-${NEIGHBOUR.name}`).click());
      const nominee = (
        await ok<{ items: { id: string; name: string }[] }>('nominees', page.request.get(`${url}/nominees`))
      ).items.find((n) => n.name === NEIGHBOUR.name)!;
      await apiSignIn(page, 'gridworker');
      await ok(
        'scores',
        page.request.put(`${url}/nominees/${nominee.id}/scores`, {
          headers: API_HEADERS,
          data: {
            scores: [
              { criterion: 1, score: 8 },
              { criterion: 2, score: 7 },
            ],
          },
        }),
      );

      // voting opens early (with a reason); residents vote in the app and through the API
      await apiSignIn(page, 'gaojimiao');
      await post(page, `${url}/advance`, { reason: '评审完成，提前开放投票（演示流程）' });
      await m1.goto(`/m/selections/${sel.id}`);
      await posted(m1, '/vote', () => m1.getByTestId(`m-vote-${NEIGHBOUR.name}`).click());
      await m1.getByTestId(`m-vote-${NEIGHBOUR.name}`).getByText('已投').waitFor();
      await post(m4, `${url}/vote`, { nomineeId: nominee.id });
      await m1.screenshot({ path: path.join(out, 's2-voted.png'), fullPage: true });

      // voting closes: the ranking is published for 公示
      await post(page, `${url}/advance`, { reason: '投票结束（演示流程）' });
      await page.goto(`/admin/selections/${sel.id}`);
      await page.getByTestId('sel-ranking').getByText(NEIGHBOUR.name).waitFor();

      // 13916000003 objects in the app; the town answers in the console
      await m3.goto(`/m/selections/${sel.id}`);
      await m3.getByTestId('m-ranking').getByText(NEIGHBOUR.name).waitFor();
      await m3.getByTestId('m-object-reason').locator('textarea').fill('希望公布评审打分的细则');
      await posted(m3, '/objections', () => m3.getByTestId('m-object-submit').click());
      await page.reload();
      await page.getByTestId('sel-answer').click();
      await page.getByTestId('sel-answer-text').fill('评分细则已在村务公开栏公布，异议不成立');
      await posted(page, '/answer', () => page.locator('.ant-modal-footer .ant-btn-primary').click());
      await m3.reload();
      await m3.getByTestId('m-my-objections').getByText('评分细则已在村务公开栏公布').waitFor();

      // results
      await page.getByTestId('sel-advance').click();
      await posted(page, '/advance', () => page.locator('.ant-modal-footer .ant-btn-primary').click());
      await page.getByTestId('sel-phase').getByText('结果公布').waitFor();
      await page.screenshot({ path: path.join(out, 's3-results.png'), fullPage: true });

      // certificates: the town issues them (once) and downloads the winner's PDF
      await posted(page, '/certificates', () => page.getByTestId('sel-certify').click());
      await page.getByTestId('sel-certificates').getByText(NEIGHBOUR.name).waitFor();
      const certs = await ok<{ items: { number: string; name: string }[] }>(
        'certificates',
        page.request.get(`${url}/certificates`),
      );
      const cert = certs.items.find((c) => c.name === NEIGHBOUR.name)!;
      await pdfDownloaded(page, cert.number, () => page.getByTestId(`cert-pdf-${cert.number}`).click());
      const again = await post<{ issued: number }>(page, `${url}/certificates`);
      if (again.issued !== 0) throw new Error(`issuing twice added ${again.issued} certificates`);
      await page.screenshot({ path: path.join(out, 's4-certificates.png'), fullPage: true });

      // the console shows the honour in the person's drawer (found by phone)
      await page.goto('/admin/people');
      await page.locator('#cc-people-q').fill(NEIGHBOUR.phone);
      await page.locator('#cc-people-q').press('Enter');
      await page.getByTestId('people-table').getByText(NEIGHBOUR.name).first().click();
      await page.getByTestId('honours').getByText(cert.number).waitFor();
      await page.screenshot({ path: path.join(out, 's4-person-honours.png'), animations: 'disabled' });

      // the winner sees the honour in the app (我的 → 我的荣誉) and downloads it
      const m2 = await (await browser.newContext({ ...MOBILE, baseURL: baseUrl })).newPage();
      m2.setDefaultTimeout(15_000);
      apps.push(m2);
      await apiResidentSignIn(m2, NEIGHBOUR.phone);
      await m2.goto('/m/me');
      await m2.getByTestId('me-honours').click();
      await m2.getByTestId('m-honour').getByText(title).waitFor();
      await pdfDownloaded(m2, cert.number, () => m2.getByTestId(`m-cert-${cert.number}`).click());
      await m2.screenshot({ path: path.join(out, 's5-honours.png'), fullPage: true });
    } finally {
      for (const m of apps) await m.context().close();
    }
  },
};
