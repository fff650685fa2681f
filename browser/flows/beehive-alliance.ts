/**
 * The service alliance (issue #15): the county sees the alliance's members and changes how one kind of
 * 五帮 request is routed; a 美团 rider's complaint about platform rules goes to 美团's own local station
 * (the demo handler `meituan`), which answers it in the console; a gap of the service circle is put on
 * the three lists' problem list from the coverage page.
 */
import type { BrowserTest } from '../harness';
import { API_HEADERS, apiResidentSignIn, apiSignIn, MOBILE, posted } from '../helpers';

export const allianceRouting: BrowserTest = {
  name: 'the county keeps the alliance and its routing; a platform-rules complaint reaches the platform’s station',
  slug: 'h-beehive-alliance',
  async run({ page, baseUrl }) {
    await apiSignIn(page, 'county');
    await page.goto('/admin/beehive-alliance');
    const members = page.getByTestId('al-members');
    await members.locator('tr', { hasText: '美团外卖石首站' }).waitFor();
    const routes = page.getByTestId('al-routes');
    const training = routes.locator('tr', { hasText: '技能培训' });
    await training.getByRole('spinbutton').fill('12');
    await posted(page, '/api/beehive/console/routes/training', () => page.getByTestId('al-save-training').click());
    await training.getByText('已调整').waitFor();
    await page.screenshot({ path: 'browser/.out/h-beehive-alliance.png', fullPage: true });

    const ctx = await page
      .context()
      .browser()!
      .newContext({ ...MOBILE, baseURL: baseUrl });
    const m = await ctx.newPage();
    let id: string;
    try {
      await apiResidentSignIn(m, '13929000050');
      const me = (await (await m.request.get('/api/beehive/me')).json()) as { worker: unknown };
      if (!me.worker)
        await m.request.post('/api/beehive/me', {
          headers: API_HEADERS,
          data: { name: '骑手丙', workKind: 'rider', platform: '美团', partyMember: false, consent: true },
        });
      const sent = await m.request.post('/api/beehive/requests', {
        headers: API_HEADERS,
        data: { kind: 'platform_rules', description: `超时罚款规则不透明 ${Date.now()}` },
      });
      const body = (await sent.json()) as { id: string; bodyKey: string; departmentName: string };
      if (body.bodyKey !== 'platform' || !body.departmentName.startsWith('美团外卖石首站'))
        throw new Error(`routed to ${JSON.stringify(body)}`);
      id = body.id;
    } finally {
      await ctx.close();
    }

    await apiSignIn(page, 'meituan');
    await page.goto('/admin/beehive-requests');
    const rows = page.getByTestId('bh-requests');
    await rows.locator('tr', { hasText: '超时罚款规则不透明' }).first().getByTestId('bh-answer').click();
    await page.getByTestId('bh-answer-text').fill('已取消该笔罚款并公示规则');
    await posted(page, `/api/beehive/console/requests/${id}/answer`, () =>
      page.getByRole('button', { name: /OK|确\s*定/ }).click(),
    );

    await apiSignIn(page, 'county');
    await page.goto('/admin/circle');
    const list = page.locator('[data-testid^="circle-list-gap-"]').first();
    await list.waitFor();
    await posted(page, '/api/circle/gaps/problem', () => list.click());
    await page.getByText('已列入问题清单').first().waitFor();
  },
};
