/**
 * 四议两公开 in 百子庵村: a branch proposal goes through all six steps. The two committees and the
 * party members vote (attendance and tallies entered through the API to keep the flow short); three
 * representatives registered for the flow sign in to the representatives' meeting in the resident app
 * (two from its QR link, one by typing the code); the paper-ballot tally entered by the village officer
 * is confirmed in the console by a second person (the grid worker), who downloads the meeting's
 * attendance (xlsx) and minutes (PDF); a resident then reads both disclosures on the 村务公开 board.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { APIRequestContext, Page } from 'playwright-core';
import type { BrowserTest } from '../harness';
import { API_HEADERS, MOBILE, apiResidentSignIn, apiSignIn, idNumber } from '../helpers';

const VILLAGE = '421081107212';
const PHONES = ['13913000001', '13913000002', '13913000003'];
const DAY = 86_400_000;

async function json<T>(res: Awaited<ReturnType<APIRequestContext['get']>>, what: string): Promise<T> {
  if (!res.ok()) throw new Error(`${what}: HTTP ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}
const post = <T>(page: Page, url: string, data: unknown) =>
  page.request.post(url, { headers: API_HEADERS, data: data as object }).then((r) => json<T>(r, `POST ${url}`));
const get = <T>(page: Page, url: string) => page.request.get(url).then((r) => json<T>(r, `GET ${url}`));

/** Imports a register (csv) through the API and waits for the job. */
async function importCsv(page: Page, sheet: string, csv: string): Promise<void> {
  const started = await page.request.post(`/api/registers/${sheet}/imports?mode=all-or-nothing&format=csv`, {
    headers: { ...API_HEADERS, 'content-type': 'text/csv' },
    data: Buffer.from(csv, 'utf8'),
  });
  const { jobId } = await json<{ jobId: string }>(started, `import ${sheet}`);
  for (let i = 0; i < 100; i++) {
    const job = await get<{ state: string; result?: unknown }>(page, `/api/registers/imports/${jobId}`);
    if (job.state === 'done') return;
    if (job.state === 'failed') throw new Error(`import ${sheet} failed: ${JSON.stringify(job)}`);
    await page.waitForTimeout(100);
  }
  throw new Error(`import ${sheet} did not finish`);
}

/** A meeting noticed in time, opened, with these roster members signed in by staff. */
async function meeting(page: Page, meetingType: string, title: string, skip: string[] = []) {
  const now = Date.now();
  const m = await post<{ id: string; signinCode: string }>(page, '/api/meetings', {
    meetingType,
    bodyCode: VILLAGE,
    title,
    agenda: '村民活动广场改造方案',
    startsAt: new Date(now + 60_000).toISOString(),
    noticedAt: new Date(now - 16 * DAY).toISOString(),
  });
  await post(page, `/api/meetings/${m.id}/open`, {});
  const roster = await get<{ items: { residentId: string }[] }>(page, `/api/meetings/${m.id}/roster?limit=200`);
  for (const r of roster.items.filter((x) => !skip.includes(x.residentId)))
    await post(page, `/api/meetings/${m.id}/attendance`, { residentId: r.residentId });
  return { ...m, roster: roster.items.length };
}

async function handsVote(page: Page, meetingId: string, present: number): Promise<string> {
  const motion = await post<{ id: string }>(page, `/api/meetings/${meetingId}/motions`, {
    title: '表决',
    method: 'hands',
  });
  await post(page, `/api/motions/${motion.id}/tally`, { yes: present, no: 0, abstain: 0 });
  return motion.id;
}

export const deliberationFlow: BrowserTest = {
  name: '四议两公开: a branch proposal through all six steps with sign-in by code, a paper ballot confirmed by a second person, both disclosures read by a resident',
  slug: 'h-deliberation',
  async run({ page, baseUrl }) {
    page.setDefaultTimeout(15_000);
    await apiSignIn(page, 'baizian');
    // three representatives for the flow, registered with their phones
    const coverage = await get<{ children: { code: string; kind: string }[] }>(page, `/api/coverage/${VILLAGE}`);
    const grid = coverage.children.find((c) => c.kind === 'grid')?.code;
    if (!grid) throw new Error(`no grid under ${VILLAGE}`);
    const n = 1000 + Math.floor(Math.random() * 8000);
    const homes = PHONES.map((_, i) => `${grid}000${n + i}`.slice(0, 22));
    await importCsv(
      page,
      'households',
      `户编码,地址,经度,纬度\n${homes.map((h, i) => `${h},百子庵村议事${n}-${i},,`).join('\n')}\n`,
    );
    const names = PHONES.map((_, i) => `议事代表${n}${i}`);
    await importCsv(
      page,
      'residents',
      `户编码,姓名,身份证号,手机号,与户主关系\n${PHONES.map((p, i) => `${homes[i]},${names[i]},${idNumber('421081', '19800101', (n + i) % 1000)},${p},户主`).join('\n')}\n`,
    );
    const ids: string[] = [];
    for (const name of names) {
      const found = await get<{ items: { id: string; name: string }[] }>(
        page,
        `/api/people?q=${encodeURIComponent(name)}`,
      );
      const id = found.items.find((p) => p.name === name)?.id;
      if (!id) throw new Error(`resident ${name} not found`);
      ids.push(id);
    }
    await importCsv(
      page,
      'partyMembers',
      `身份证号,党组织编码,党员类别,入党日期,下沉党员,啄木鸟志愿者\n${PHONES.map((_, i) => `${idNumber('421081', '19800101', (n + i) % 1000)},${VILLAGE}-01,正式党员,2010-07-01,否,否`).join('\n')}\n`,
    );
    for (const body of ['representatives', 'village_committee', 'party_committee'])
      await post(page, '/api/deliberation/bodies', { divisionCode: VILLAGE, body, residentIds: ids });

    // 1. 村党组织提议
    const matter = await post<{ id: string }>(page, '/api/matters', {
      divisionCode: VILLAGE,
      title: `村民活动广场改造 ${n}`,
      summary: '改造村民活动广场，新增健身器材与照明，预算 8 万元',
      decisionBody: 'representatives',
    });
    const step = (body: object) => post<{ state: string }>(page, `/api/matters/${matter.id}/steps`, body);
    // 2. 两委会商议  3. 党员大会审议
    const committees = await meeting(page, 'committees', '两委联席会议：广场改造');
    await step({ event: 'consult', motionId: await handsVote(page, committees.id, committees.roster) });
    const party = await meeting(page, 'party', '党员大会：广场改造');
    const partyQuorum = await get<{ turnout: { present: number } }>(page, `/api/meetings/${party.id}/quorum`);
    await step({ event: 'review', motionId: await handsVote(page, party.id, partyQuorum.turnout.present) });

    // 4. 村民代表会议: the three sign in in the resident app, two from the QR link and one by typing the code
    const reps = await meeting(page, 'representatives', `村民代表会议：广场改造 ${n}`, ids);
    const mobile = await page
      .context()
      .browser()!
      .newContext({ ...MOBILE, baseURL: baseUrl });
    const m = await mobile.newPage();
    m.setDefaultTimeout(15_000);
    try {
      for (const [i, phone] of PHONES.entries()) {
        await apiResidentSignIn(m, phone);
        if (i < 2) await m.goto(`/m/deliberation?code=${reps.signinCode}`);
        else {
          await m.goto('/m/deliberation');
          await m.getByTestId('dlb-code').locator('input').fill(reps.signinCode);
          await m.getByTestId('dlb-sign-in').click();
        }
        await m.getByTestId('dlb-result').getByText('签到成功').waitFor();
      }
      const live = await get<{ turnout: { present: number; members: number }; quorum: { met: boolean } }>(
        page,
        `/api/meetings/${reps.id}/quorum`,
      );
      if (live.turnout.present !== reps.roster || !live.quorum.met)
        throw new Error(`quorum after sign-in: ${JSON.stringify(live)}`);
      const tally = { yes: reps.roster - 1, no: 1, abstain: 0 };
      const motion = await post<{ id: string }>(page, `/api/meetings/${reps.id}/motions`, {
        title: '广场改造方案',
        method: 'paper',
      });
      await post(page, `/api/motions/${motion.id}/tally`, tally);

      // the second person confirms the paper ballot in the console
      await apiSignIn(page, 'gridworker');
      await page.goto(`/admin/meetings/${reps.id}`);
      const card = page.getByTestId('dlb-motion-1');
      await card.getByTestId('dlb-tally-yes').fill(String(tally.yes));
      await card.getByTestId('dlb-tally-no').fill(String(tally.no));
      await card.getByTestId('dlb-tally-abstain').fill('0');
      await card.getByTestId('dlb-confirm').click();
      await card.getByTestId('dlb-motion-result').getByText('通过').waitFor();

      // the meeting's exports from its page: the attendance (xlsx, its roster rows) and the minutes (PDF)
      const sheet = page.waitForEvent('download');
      await page.getByTestId('dlb-export-attendance').click();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(await (await sheet).path());
      const rows = wb.worksheets[0].rowCount;
      if (rows !== reps.roster + 2) throw new Error(`attendance xlsx: ${rows} rows for a roster of ${reps.roster}`);
      const minutes = page.waitForEvent('download');
      await page.getByTestId('dlb-export-minutes').click();
      const pdf = await readFile(await (await minutes).path());
      if (pdf.subarray(0, 5).toString() !== '%PDF-') throw new Error('minutes: not a PDF');

      // 4 (record) → 5. 决议公开 → 6. 组织实施 → 7. 实施结果公开
      await step({ event: 'resolve', motionId: motion.id });
      await step({ event: 'publish_resolution', note: '公示 7 天' });
      await step({ event: 'implement', note: '村民代表 3 人监督施工' });
      const done = await step({ event: 'publish_result', note: `广场改造完成，决算 7.8 万元（${n}）` });
      if (done.state !== 'completed') throw new Error(`matter ended ${done.state}`);
      await page.goto(`/admin/matters/${matter.id}`);
      await page.getByTestId('dlb-matter-state').getByText('实施结果已公开').waitFor();

      // a resident reads both disclosures on the board
      await m.goto('/m/deliberation');
      await m.getByText('村务公开', { exact: true }).click();
      const board = m.getByTestId('dlb-board');
      await board.getByText(`决议公开：村民活动广场改造 ${n}`).waitFor();
      await board.getByText(`实施结果公开：村民活动广场改造 ${n}`).waitFor();
    } finally {
      await mobile.close();
    }
  },
};
