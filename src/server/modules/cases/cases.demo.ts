/**
 * Demo (issue #11 item 14): the two residents the sign-in page lists, 张大爷 and 李阿姨 (a woodpecker),
 * registered in households of 百子庵村, and their reports in every state of the loop with its history —
 * waiting to be taken in, dispatched, being handled, awaiting verification, closed and rated, refused —
 * so the resident app's 我的上报 and the console's queues show something on first start. Everything
 * goes through the services (routing, deadlines, notifications, audit), as the demo's staff.
 */
import type { UserActor } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { activeGrants } from '../access';
import { findUserByPhoneIndex } from '../identity';
import { makeIdNumber, refreshCoverage, writeHouseholds, writeResidents } from '../organisation';
import { demoUserIds, firstGridPoint, placedHouseholds, reportsBy } from './demo.repo';
import type { EventInput } from './events/table';
import { submitReport } from './intake.service';
import { applyEvent } from './loop.service';

const VILLAGE = '421081107212'; // 百子庵村
const STAFF = ['gridworker', 'baizian', 'gaojimiao', 'county', 'chengguan'];
const RESIDENTS = [
  { phone: '13800000001', name: '张德福', birth: '19500315', seq: 951 },
  { phone: '13800000002', name: '李桂兰', birth: '19580808', seq: 962 },
];

type Step = EventInput | 'dispatch-grid';
/** A report and the steps it has been through (the last one is the state it shows). */
const STORIES: { who: 0 | 1; categoryCode: string; description: string; steps: Step[] }[] = [
  { who: 0, categoryCode: '01037', description: '村口的路灯坏了好几天，晚上一片漆黑，老人出门不方便', steps: [] },
  {
    who: 0,
    categoryCode: '01037',
    description: '村委会门口的路灯白天也亮着，一直没人关',
    steps: [{ type: 'file' }, 'dispatch-grid'],
  },
  {
    who: 1,
    categoryCode: '01037',
    description: '一组路口的路灯灯罩掉了，灯泡露在外面',
    steps: [
      { type: 'file' },
      'dispatch-grid',
      { type: 'accept' },
      { type: 'progress', note: '已联系电工，明天上午更换灯罩' },
    ],
  },
  {
    who: 0,
    categoryCode: '01037',
    description: '二组塘边的路灯杆歪了，怕倒下来砸到人',
    steps: [
      { type: 'file' },
      'dispatch-grid',
      { type: 'accept' },
      { type: 'feedback', note: '已请电工扶正灯杆并加固底座' },
    ],
  },
  {
    who: 1,
    categoryCode: '01037',
    description: '小学门口的路灯不亮，孩子放学天黑看不清路',
    steps: [
      { type: 'file' },
      'dispatch-grid',
      { type: 'accept' },
      { type: 'progress', note: '已到现场，灯泡烧坏' },
      { type: 'feedback', note: '已更换灯泡，晚上试亮正常' },
      { type: 'verify', passed: true, note: '网格员晚间回访：路灯正常亮' },
      { type: 'rate', score: 5, comment: '修得很快，谢谢网格员' },
    ],
  },
  {
    who: 0,
    categoryCode: '01037',
    description: '邻居家门口的灯晚上太亮，照到我家窗户',
    steps: [{ type: 'reject', reason: 'not_a_problem', note: '私人照明，不属于公共设施，已上门与邻居沟通' }],
  },
];

async function actorOf(deps: Deps, userId: string, userKind: 'staff' | 'resident', name: string): Promise<UserActor> {
  return {
    kind: 'user',
    userId,
    userKind,
    displayName: name,
    homeDivisionCode: userKind === 'resident' ? VILLAGE : null,
    grants: await activeGrants(deps.db, userId),
    ip: null,
  };
}

/** Takes the step as the first of the actors the case allows to (the loop's own rules decide who may). */
async function step(deps: Deps, actors: UserActor[], caseId: string, input: EventInput): Promise<void> {
  for (const actor of actors) {
    try {
      await applyEvent(deps, actor, caseId, input);
      return;
    } catch (e) {
      if (!(e instanceof AppError) || e.status !== 403) throw e;
    }
  }
  throw new Error(`cases demo: nobody may ${input.type} case ${caseId}`);
}

export async function casesDemo(deps: Deps): Promise<string | null> {
  const staffIds = await demoUserIds(deps.db, STAFF);
  const residentIds = await Promise.all(
    RESIDENTS.map(async (r) => (await findUserByPhoneIndex(deps.db, deps.crypto.blindIndex('phone', r.phone)))?.id),
  );
  const grid = staffIds.get('gridworker');
  if (!grid || residentIds.some((id) => !id) || STAFF.some((u) => !staffIds.has(u))) return null;
  if ((await reportsBy(deps.db, residentIds[0]!)) > 0) return null;
  // homes with a point (a report placed "at home" needs one): the population's, else two of the demo's own
  let homes = await placedHouseholds(deps.db, VILLAGE, RESIDENTS.length);
  const own = homes.length < RESIDENTS.length ? await firstGridPoint(deps.db, VILLAGE) : null;
  if (homes.length < RESIDENTS.length && !own) return null;
  if (own) homes = RESIDENTS.map((_, i) => `${own.grid}0008${String(i + 1).padStart(3, '0')}`);
  await deps.db.transaction(async (tx) => {
    if (own)
      await writeHouseholds(
        { tx, crypto: deps.crypto, isDemo: true },
        homes.map((code, i) => ({ code, address: `百子庵村二组${i + 3}号`, point: own.point })),
      );
    await writeResidents(
      { tx, crypto: deps.crypto, isDemo: true },
      RESIDENTS.map((r, i) => ({
        householdCode: homes[i],
        name: r.name,
        idNumber: makeIdNumber('421081', r.birth, r.seq),
        phone: r.phone,
        relation: 'parent' as const,
      })),
    );
    await refreshCoverage(
      tx,
      homes.map((h) => h.slice(0, 15)),
    ); // their grids
  });
  const staff = await Promise.all(STAFF.map((u) => actorOf(deps, staffIds.get(u)!, 'staff', u)));
  const residents = await Promise.all(RESIDENTS.map((r, i) => actorOf(deps, residentIds[i]!, 'resident', r.name)));
  const numbers: string[] = [];
  for (const s of STORIES) {
    const reporter = residents[s.who];
    const { case: c } = await submitReport(
      deps,
      reporter,
      { description: s.description, categoryCode: s.categoryCode, locationSource: 'household' },
      { source: 'app' },
    );
    for (const x of s.steps) {
      const input: EventInput = x === 'dispatch-grid' ? { type: 'dispatch', handlerUserId: grid } : x;
      await step(deps, input.type === 'rate' ? [reporter] : staff, c.id, input);
    }
    numbers.push(c.number);
  }
  return `cases: 张大爷 and 李阿姨 (13800000001/2) registered in 百子庵村 households, ${numbers.length} reports in every state (${numbers[0]}…)`;
}
