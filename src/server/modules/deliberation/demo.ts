/**
 * Demo data of the deliberation module for 百子庵村 (421081107212): the two committees and the
 * representatives picked from the synthetic population, a matter taken through all six steps of
 * 四议两公开 (the representatives' vote on paper, confirmed by a second person), a villagers'
 * meeting that failed its quorum, and routine 村务公开 items. Idempotent.
 */
import type { UserActor } from '../../platform/actor';
import { auditSystem } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { publish } from './disclosures.service';
import { proposeMatter, recordStep } from './matters.service';
import { changeMeeting, createMeeting } from './meetings.service';
import { staffSignIn } from './signins.service';
import type { MeetingType } from './deliberation.labels';
import { roster, turnout } from './meetings.repo';
import { confirmTally, enterTally, putMotion } from './motions.service';
import * as registers from './registers.repo';

const VILLAGE = '421081107212';
const DAY = 86_400_000;

async function staff(deps: Deps, username: string): Promise<UserActor | null> {
  const u = await registers.staffByUsername(deps.db, username);
  if (!u) return null;
  return {
    kind: 'user',
    userId: u.id,
    userKind: 'staff',
    displayName: u.displayName,
    homeDivisionCode: VILLAGE,
    grants: [{ role: 'village_officer', scopeCode: VILLAGE, departmentCode: null }],
    ip: null,
  };
}

/** A meeting held `daysAgo` days ago: noticed in time, everyone on the roster signed in (or `present` of them). */
async function hold(
  deps: Deps,
  actors: { officer: UserActor; second: UserActor },
  type: MeetingType,
  title: string,
  daysAgo: number,
  vote: { yes: number; no?: number; method?: 'hands' | 'paper' } | null,
  present?: number,
): Promise<string | null> {
  const now = deps.clock.now().getTime();
  const m = await createMeeting(
    deps,
    actors.officer,
    {
      meetingType: type,
      bodyCode: VILLAGE,
      title,
      agenda: `${title}：听取情况说明，讨论并表决`,
      location: '百子庵村党群服务中心',
      noticedAt: new Date(now - (daysAgo + 16) * DAY),
      startsAt: new Date(now - daysAgo * DAY),
    },
    { isDemo: true },
  );
  await changeMeeting(deps, actors.officer, m.id, 'open');
  const members = await roster(deps.db, m.id, 10_000, null);
  for (const r of members.slice(0, present ?? members.length))
    await staffSignIn(deps, actors.officer, m.id, { residentId: r.residentId });
  const attending = (await turnout(deps.db, m.id)).present;
  let motionId: string | null = null;
  if (vote) {
    const motion = await putMotion(deps, actors.officer, m.id, { title, method: vote.method ?? 'hands' });
    const n = Math.min(vote.yes, attending);
    const tally = { yes: n, no: Math.min(vote.no ?? 0, attending - n), abstain: 0 };
    await enterTally(deps, actors.officer, motion.id, tally);
    if (vote.method === 'paper') await confirmTally(deps, actors.second, motion.id, tally);
    motionId = motion.id;
  }
  await changeMeeting(
    deps,
    actors.officer,
    m.id,
    'close',
    vote ? '会议按议程进行，表决结果当场宣布。' : '到会人数未达到法定人数，会议改期召开。',
  );
  return motionId;
}

export async function seedDeliberationDemo(deps: Deps): Promise<string | null> {
  if (await registers.hasDemoMatters(deps.db, VILLAGE)) return null;
  const officer = await staff(deps, 'baizian');
  const second = await staff(deps, 'gridworker');
  if (!officer || !second) return null;
  let party = await registers.partyMemberIds(deps.db, VILLAGE);
  if (party.length < 3) {
    // a village of the synthetic population without enough members for a party meeting: a few demo members
    const picked = (await registers.adultsOf(deps.db, VILLAGE, 40)).slice(-6).map((a) => a.id);
    await deps.db.ownerTransaction((tx) => registers.addDemoPartyMembers(tx, VILLAGE, picked));
    party = await registers.partyMemberIds(deps.db, VILLAGE);
  }
  if (party.length === 0) return null;
  const actors = { officer, second };
  const households = await registers.householdCount(deps.db, VILLAGE);
  const reps = Math.max(4, Math.ceil(households / 10));
  const adults = await registers.adultsOf(deps.db, VILLAGE, 5 + reps);
  const committee = adults.slice(0, 5).map((a) => a.id);
  await deps.db.ownerTransaction(async (tx) => {
    await registers.addBodyMembers(tx, VILLAGE, 'village_committee', committee, true);
    await registers.addBodyMembers(
      tx,
      VILLAGE,
      'party_committee',
      [...party.slice(0, 3), ...committee.slice(0, 2)],
      true,
    );
    await registers.addBodyMembers(
      tx,
      VILLAGE,
      'representatives',
      adults.slice(5).map((a) => a.id),
      true,
    );
    await auditSystem(tx, 'demo-seed', {
      action: 'deliberation.body_member_add',
      entityType: 'division',
      entityId: VILLAGE,
      scopeCode: VILLAGE,
      after: { committee: committee.length, representatives: adults.length - 5 },
    });
  });

  const matter = await proposeMatter(
    deps,
    officer,
    {
      divisionCode: VILLAGE,
      title: '村内主干道安装太阳能路灯',
      summary: '在村内主干道安装太阳能路灯 60 盏，预算 18 万元，其中村集体出资 6 万元，申请项目资金 12 万元。',
      decisionBody: 'representatives',
    },
    { isDemo: true },
  );
  const consult = await hold(deps, actors, 'committees', '两委联席会议：路灯安装方案', 40, { yes: 99 });
  await recordStep(deps, officer, matter.id, { event: 'consult', motionId: consult! });
  const review = await hold(deps, actors, 'party', '党员大会：审议路灯安装方案', 33, { yes: 99 });
  await recordStep(deps, officer, matter.id, { event: 'review', motionId: review! });
  const resolve = await hold(deps, actors, 'representatives', '村民代表会议：表决路灯安装方案', 26, {
    yes: reps + 3,
    no: 1,
    method: 'paper',
  });
  await recordStep(deps, officer, matter.id, { event: 'resolve', motionId: resolve! });
  await recordStep(deps, officer, matter.id, { event: 'publish_resolution', note: '公示期 7 天，无异议后组织实施。' });
  await recordStep(deps, officer, matter.id, {
    event: 'implement',
    note: '经比选由石首市某照明公司施工，村民代表 3 人全程监督。',
  });
  await recordStep(deps, officer, matter.id, {
    event: 'publish_result',
    note: '已安装路灯 60 盏，决算 17.6 万元（村集体 5.6 万元），验收合格。',
  });

  await hold(deps, actors, 'villagers', '村民会议：集体土地流转方案', 3, null, 3);
  await publish(
    deps,
    officer,
    {
      divisionCode: VILLAGE,
      category: 'finance',
      title: '本月村级财务收支',
      body: '收入：集体资产租赁 2.1 万元；支出：保洁 0.6 万元、水电 0.2 万元。',
    },
    { isDemo: true },
  );
  await publish(
    deps,
    officer,
    {
      divisionCode: VILLAGE,
      category: 'affairs',
      title: '本季度村务公开',
      body: '低保评议结果、惠农补贴发放名单（已脱敏）、村级项目进度。',
    },
    { isDemo: true },
  );
  return `deliberation: 1 matter through 四议两公开, 4 meetings (one without quorum), ${committee.length + reps} body members in ${VILLAGE}`;
}

/**
 * For another module's demo (covenants: the 村规民约 revision): a matter of 百子庵村 proposed and taken
 * through its resolution — 两委会商议, 党员大会审议, the representatives' vote — and the resolution
 * published. Runs after this module's demo (the committees and representatives it registers); returns
 * the matter's id, or null when they or the demo accounts are missing.
 */
export async function seedResolvedDemoMatter(
  deps: Deps,
  input: { title: string; summary: string },
): Promise<string | null> {
  const officer = await staff(deps, 'baizian');
  const second = await staff(deps, 'gridworker');
  if (!officer || !second || !(await registers.hasDemoMatters(deps.db, VILLAGE))) return null;
  const actors = { officer, second };
  const matter = await proposeMatter(
    deps,
    officer,
    { divisionCode: VILLAGE, title: input.title, summary: input.summary, decisionBody: 'representatives' },
    { isDemo: true },
  );
  const steps = [
    ['consult', 'committees', '两委联席会议'],
    ['review', 'party', '党员大会'],
    ['resolve', 'representatives', '村民代表会议'],
  ] as const;
  for (const [i, [event, type, name]] of steps.entries()) {
    const motionId = await hold(deps, actors, type, `${name}：${input.title}`, 20 - i * 6, { yes: 999 });
    await recordStep(deps, officer, matter.id, { event, motionId: motionId! });
  }
  await recordStep(deps, officer, matter.id, { event: 'publish_resolution', note: '公示期 7 天，无异议。' });
  return matter.id;
}
