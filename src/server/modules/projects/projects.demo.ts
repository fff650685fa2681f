/**
 * Demo data: Shishou's 58 livelihood projects (共驻共建民生实事项目58个, the seed) across the county,
 * its towns and villages — about 60 % done, a quarter in progress, one in ten delayed, a few not
 * started — funded by the county, the towns, the partner units (共建单位) and the villages; three of
 * them in 百子庵村 (421081107212) with milestones, supervising representatives from its 村民代表
 * register and their ratings. Idempotent: nothing is added once a demo project exists.
 */
import type { Deps } from '../../platform/deps';
import { makeIdNumber, refreshCoverage, writeResidents } from '../organisation';
import type { FundSource } from './projects.labels';
import { cstDay } from './projects.domain';
import * as repo from './projects.repo';
import type * as S from './projects.schema';
import { createProjectIn } from './projects.service';
import * as sup from './supervision.repo';

const VILLAGE = '421081107212';
/** The demo's own 村民代表 of 百子庵村, with a phone for signing in to the resident app (browser flow: projects). */
export const DEMO_REPRESENTATIVE = { name: '陈建国', phone: '17707165001' };
export const DEMO_PROJECTS = 58;
const DAY = 86_400_000;

const TITLES = [
  '村组道路硬化',
  '路灯安装',
  '饮水安全提升',
  '文化广场建设',
  '党群服务中心改造',
  '农村厕所改造',
  '污水管网铺设',
  '垃圾分类收集点',
  '养老服务站',
  '儿童之家',
  '村卫生室标准化',
  '河塘清淤',
  '危桥维修',
  '便民服务站',
  '健身器材安装',
  '灌溉渠道疏浚',
  '公交候车亭',
  '老旧小区改造',
  '停车场建设',
  '农贸市场改造',
];
const BUDGET_YUAN = [80_000, 120_000, 200_000, 350_000, 500_000, 800_000, 1_500_000, 3_000_000];
/** Shares of the budget in percent: county, town, partner units, village collective (the last takes the rest). */
const SPLIT: [FundSource, number][] = [
  ['county', 50],
  ['town', 20],
  ['partner', 20],
  ['collective', 10],
];

type Phase = 'done' | 'in_progress' | 'delayed' | 'planned';
/** 12 of 20 done, 5 in progress, 2 delayed, 1 not started. */
const phaseOf = (i: number): Phase => {
  const k = i % 20;
  return k < 12 ? 'done' : k < 17 ? 'in_progress' : k < 19 ? 'delayed' : 'planned';
};

function funds(budgetFen: number): S.NewProjectBody['funds'] {
  const parts = SPLIT.map(([source, pct]) => ({ source, amountFen: Math.floor((budgetFen * pct) / 100) }));
  parts[parts.length - 1].amountFen = budgetFen - parts.slice(0, -1).reduce((s, p) => s + p.amountFen, 0);
  return parts;
}

/** Dates and milestones for a phase, relative to today. */
function plan(phase: Phase, now: Date, i: number) {
  const day = (offset: number) => cstDay(new Date(now.getTime() + offset * DAY));
  const start = { done: -300 + i * 3, in_progress: -60 - i, delayed: -200, planned: 20 + i }[phase];
  const length = 120 + (i % 5) * 30;
  const progress = { done: [100, 100, 100], in_progress: [100, 40, 0], delayed: [100, 60, 0], planned: [0, 0, 0] }[
    phase
  ];
  // a delayed project has its second milestone 20 days overdue
  const second = phase === 'delayed' ? 180 : Math.floor(length / 2);
  return {
    startsOn: day(start),
    dueOn: day(start + Math.max(length, phase === 'delayed' ? 230 : 0)),
    milestones: [
      { title: '立项审批', dueOn: day(start + 20), weight: 1, progress: progress[0] },
      { title: '施工建设', dueOn: day(start + second), weight: 3, progress: progress[1] },
      { title: '竣工验收', dueOn: day(start + length), weight: 1, progress: progress[2] },
    ],
  };
}

export async function seedProjectsDemo(deps: Deps): Promise<string | null> {
  const db = deps.db;
  if (await repo.demoLoaded(db)) return null;
  const county = deps.config.countyCode;
  const places = await repo.placesUnder(db, county);
  const towns = places.filter((p) => p.level === 4).map((p) => p.code);
  const villages = places.filter((p) => p.level === 5 && p.code !== VILLAGE).map((p) => p.code);
  if (!towns.length || !villages.length) return null;
  const own = await ensureRepresentative(deps);
  const reps = [
    ...(own ? [own] : []),
    ...(await sup.representativesOf(db, VILLAGE)).map((r) => r.residentId).filter((id) => id !== own),
  ];
  const inVillage = 3;
  const atCounty = 2;
  const atTowns = Math.min(towns.length, 14);
  const atVillages = DEMO_PROJECTS - inVillage - atCounty - atTowns;
  const stride = Math.max(1, Math.floor(villages.length / atVillages));
  const where = [
    ...Array.from({ length: inVillage }, () => VILLAGE),
    ...Array.from({ length: atCounty }, () => county),
    ...towns.slice(0, atTowns),
    ...Array.from({ length: atVillages }, (_, k) => villages[(k * stride) % villages.length]),
  ];
  const now = deps.clock.now();
  const system = { kind: 'anonymous' as const, ip: null };
  const ratings = [
    { progress: 4, quality: 5, comment: '路基压得很实，施工队每天清扫路面' },
    { progress: 3, quality: 4, comment: '雨天停工几天，进度稍慢' },
  ];
  let rated = 0;
  await db.transaction(async (tx) => {
    for (const [i, placeCode] of where.entries()) {
      // 百子庵村's three: one done, one in progress, one delayed
      const phase = i < inVillage ? (['in_progress', 'done', 'delayed'] as const)[i] : phaseOf(i);
      const budgetFen = BUDGET_YUAN[i % BUDGET_YUAN.length] * 100;
      const title = TITLES[i % TITLES.length];
      const supervisors = i < inVillage ? reps.slice(i, i + 3) : [];
      const id = await createProjectIn(
        tx,
        system,
        {
          placeCode,
          title: placeCode === county ? `全市${title}` : title,
          description: `${title}（共驻共建民生实事）`,
          budgetFen,
          funds: funds(budgetFen),
          ...plan(phase, now, i),
          supervisors,
        },
        now,
        true,
      );
      for (const [k, residentId] of supervisors.slice(0, ratings.length).entries()) {
        await sup.upsertRating(tx, { projectId: id, residentId, userId: null, ...ratings[k], at: now });
        rated++;
      }
    }
  });
  return `projects: ${where.length} livelihood projects (3 in 百子庵村, ${rated} representatives' ratings)`;
}

/** 陈建国, a 村民代表 of 百子庵村 with the demo phone, in the village's first household (once). */
async function ensureRepresentative(deps: Deps): Promise<string | null> {
  const household = await repo.firstHousehold(deps.db, VILLAGE);
  if (!household) return null;
  return deps.db.ownerTransaction(async (tx) => {
    let id = await repo.residentByName(tx, household, DEMO_REPRESENTATIVE.name);
    if (!id) {
      const touched = await writeResidents({ tx, crypto: deps.crypto, isDemo: true }, [
        {
          householdCode: household,
          name: DEMO_REPRESENTATIVE.name,
          idNumber: makeIdNumber('421081', '19700315', 951),
          phone: DEMO_REPRESENTATIVE.phone,
          relation: 'other',
        },
      ]);
      await refreshCoverage(tx, touched);
      id = await repo.residentByName(tx, household, DEMO_REPRESENTATIVE.name);
    }
    if (id) await sup.addRepresentative(tx, VILLAGE, id);
    return id;
  });
}
