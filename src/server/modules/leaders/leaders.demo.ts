/**
 * Demo data of the 头雁 records: the organisation department's demo account `zuzhibu` (org_officer
 * of the county; password the demo's Demo@2026) and a town one `gaojimiao-zz` (高基庙镇's 组织委员,
 * the second judge); the 两委 teams of 高基庙镇's villages (百子庵村 421081107212 with people of its
 * register where the population has them), the six teams, tiered management of a few secretaries
 * (some reviews due), 100 reserve cadres across the county with plans and 双提升 targets, a 擂台赛
 * scored by both judges, and a few talks. Synthetic names; everything flagged is_demo.
 */
import type { Team } from './leaders.labels';
import { auditSystem } from '../../platform/audit/audit';
import { cstDate } from '../../platform/calendar/working-time';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { insertAssignment } from '../access';
import { findUserByUsername, hashPassword, insertUser } from '../identity';
import { entrantsOf, insertContest, insertSheet, insertTalk } from './contests.repo';
import { demoPeople, residentsOf, villagesUnder } from './demo.repo';
import { addDays } from './leaders.domain';
import * as people from './people.repo';
import { insertTier } from './tiers.repo';

const COUNTY = '421081';
const TOWN = '421081107'; // 高基庙镇
const VILLAGE = '421081107212'; // 百子庵村
/** The demo's shared staff password (modules/demo/demo.accounts.ts DEMO_PASSWORD). */
const DEMO_PASSWORD = 'Demo@2026';
export const DEMO_ORG_ACCOUNTS = [
  { username: 'zuzhibu', displayName: '组织部演示账号', scope: COUNTY },
  { username: 'gaojimiao-zz', displayName: '高基庙镇组织委员', scope: TOWN },
] as const;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程';
const GIVEN = [
  '建国',
  '志强',
  '秀英',
  '海燕',
  '国华',
  '丽娟',
  '明辉',
  '春梅',
  '立新',
  '晓峰',
  '红霞',
  '文斌',
  '玉兰',
  '振宇',
  '慧敏',
  '德明',
];
const name = (i: number) => `${SURNAMES[(i * 7) % SURNAMES.length]}${GIVEN[(i * 5 + 3) % GIVEN.length]}`;
const EDUCATIONS = ['senior', 'vocational', 'college', 'bachelor'] as const;

async function ensureAccounts(q: Queryable): Promise<string[]> {
  const hash = await hashPassword(DEMO_PASSWORD);
  const ids: string[] = [];
  for (const a of DEMO_ORG_ACCOUNTS) {
    const found = await findUserByUsername(q, a.username);
    if (found) {
      ids.push(found.id);
      continue;
    }
    const id = await insertUser(q, {
      kind: 'staff',
      username: a.username,
      displayName: a.displayName,
      passwordHash: hash,
      isDemo: true,
    });
    await insertAssignment(q, {
      userId: id,
      role: 'org_officer',
      scopeCode: a.scope,
      departmentCode: null,
      grantedBy: null,
    });
    ids.push(id);
  }
  return ids;
}

interface Made {
  id: string;
  villageCode: string;
}

async function person(
  q: Queryable,
  at: Date,
  villageCode: string,
  teams: Team[],
  i: number,
  residentId: string | null = null,
  residentName: string | null = null,
): Promise<Made> {
  const id = await people.insertPerson(q, {
    villageCode,
    residentId,
    name: residentName ?? name(i),
    gender: residentId ? null : i % 3 === 0 ? 'F' : 'M',
    birthDate: residentId ? null : `${1965 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`,
    phoneCipher: null,
    phoneMasked: residentId ? null : `177****${String(2100 + (i % 7900)).padStart(4, '0')}`,
    education: EDUCATIONS[i % EDUCATIONS.length],
    teams,
    mentor: teams.includes('reserve') ? name(i + 101) : null,
    at,
    isDemo: true,
  });
  return { id: id as string, villageCode };
}

export async function leadersDemo(deps: Deps): Promise<string | null> {
  const [zuzhibu, townJudge] = await deps.db.ownerTransaction((tx) => ensureAccounts(tx));
  if ((await demoPeople(deps.db)) > 0) return null;
  const at = deps.clock.now();
  const today = cstDate(at);
  const year = today.slice(0, 4);
  const counts = await deps.db.transaction(async (tx) => {
    const towns = await villagesUnder(tx, TOWN);
    if (!towns.length) return null;
    let i = 0;
    const secretaries: Made[] = [];
    // 两委 and the six teams of 高基庙镇's villages
    for (const v of towns) {
      const linked = v.code === VILLAGE ? await residentsOf(tx, v.code, 3) : [];
      const sec = await person(tx, at, v.code, ['secretary', 'committee'], i++, linked[0]?.id, linked[0]?.name);
      secretaries.push(sec);
      await people.insertPost(tx, sec.id, {
        body: 'party',
        post: 'secretary',
        termStart: '2021-10-01',
        termEnd: '2026-09-30',
      });
      await people.insertPost(tx, sec.id, {
        body: 'committee',
        post: 'director',
        termStart: '2021-12-01',
        termEnd: '2026-11-30',
      });
      await people.insertTraining(tx, sec.id, {
        course: '村党组织书记示范培训班',
        hours: 40,
        trainedOn: `${year}-01-15`,
      });
      for (let k = 1; k <= 2; k++) {
        const m = await person(tx, at, v.code, ['committee'], i++, linked[k]?.id, linked[k]?.name);
        await people.insertPost(tx, m.id, {
          body: k === 1 ? 'party' : 'committee',
          post: k === 1 ? 'deputy_secretary' : 'member',
          termStart: '2021-10-01',
          termEnd: '2026-09-30',
        });
        await people.upsertUpgrade(tx, m.id, { kind: 'education', target: '大专', progress: (i * 13) % 101 });
      }
      for (const teams of [['unposted_member'], ['unposted_member'], ['rural_talent'], ['resident_team']] as Team[][])
        await person(tx, at, v.code, teams, i++);
    }
    // 正向/负向提级管理: a few secretaries, reviews due soon or past
    for (const [k, s] of secretaries.slice(0, 6).entries())
      await insertTier(tx, s.id, s.villageCode, {
        direction: k % 3 === 0 ? 'negative' : 'positive',
        tier: k % 2 === 0 ? 'town' : 'county',
        reason: k % 3 === 0 ? '集体经济收入增长慢，软弱涣散整顿' : '示范村培育，重点培养',
        periodStart: addDays(today, -90),
        periodEnd: addDays(today, 270),
        reviewOn: addDays(today, k * 10 - 15),
      });
    // 100 reserve cadres across the county, with plans and 双提升
    const county = await villagesUnder(tx, COUNTY);
    for (let r = 0; r < 100; r++) {
      const v = county[(r * 37) % county.length];
      const c = await person(tx, at, v.code, ['reserve'], 200 + r);
      await people.insertGoal(tx, c.id, { goal: '跟班学习村务管理', dueOn: addDays(today, 60 + (r % 5) * 30) });
      const g = await people.insertGoal(tx, c.id, { goal: '牵头一项为民办实事项目', dueOn: addDays(today, 180) });
      await people.setGoalProgress(tx, g, (r * 17) % 101);
      await people.upsertUpgrade(tx, c.id, {
        kind: 'education',
        target: r % 2 ? '本科' : '大专',
        progress: (r * 23) % 101,
      });
      await people.upsertUpgrade(tx, c.id, { kind: 'ability', target: '电商与集体经济经营', progress: (r * 11) % 101 });
    }
    // a 擂台赛 of six villages, scored by the two judges
    const entrants = towns.slice(0, 6);
    const contest = await insertContest(
      tx,
      {
        scopeCode: TOWN,
        title: `${year} 年高基庙镇村党组织书记擂台赛`,
        heldOn: addDays(today, -20),
        entrantKind: 'village',
        criteria: [
          { name: '发展集体经济', minScore: 0, maxScore: 40 },
          { name: '基层治理', minScore: 0, maxScore: 30 },
          { name: '为民服务', minScore: 0, maxScore: 30 },
        ],
        entrants: entrants.map((v) => ({ name: v.name, villageCode: v.code })),
      },
      zuzhibu,
      at,
      true,
    );
    for (const [k, e] of (await entrantsOf(tx, contest)).entries())
      for (const judge of [zuzhibu, townJudge])
        await insertSheet(tx, {
          contestId: contest,
          entrantId: e.id,
          judgeId: judge,
          lines: [
            { position: 1, score: 25 + ((k * 7 + (judge === zuzhibu ? 1 : 3)) % 15) },
            { position: 2, score: 18 + ((k * 5) % 12) },
            { position: 3, score: 20 + ((k * 3) % 10) },
          ],
          at,
        });
    const topics = ['学习贯彻党的二十届三中全会精神', '美好环境与幸福生活共同缔造', '乡村振兴政策进村入户'];
    for (const [k, topic] of topics.entries())
      await insertTalk(
        tx,
        {
          scopeCode: towns[k % towns.length].code,
          speaker: `宣讲团 ${name(300 + k)}`,
          topic,
          place: `${towns[k % towns.length].name}党群服务中心`,
          heldOn: addDays(today, -7 * (k + 1)),
          audience: 40 + k * 25,
        },
        zuzhibu,
        at,
        true,
      );
    await auditSystem(tx, 'demo-seed', {
      action: 'leaders.person_create',
      entityType: 'leader_person',
      scopeCode: COUNTY,
      after: { demo: true, villages: towns.length, reserves: 100 },
    });
    return { villages: towns.length };
  });
  return counts
    ? `头雁 records: ${counts.villages} villages' teams, 100 reserve cadres, a contest, 3 talks (account zuzhibu)`
    : null;
}
