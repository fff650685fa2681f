/**
 * Demo data for 百子庵村 (421081107212): a dozen of its oldest residents on the register, assigned
 * to the demo grid worker (`gridworker`), some visited, some due, some overdue; three problems from
 * visits on the three lists each with a task for the village officer. Idempotent: nothing is added
 * once a demo person exists.
 */
import { auditSystem } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { makeIdNumber, refreshCoverage, writeHouseholds, writeResidents } from '../organisation';
import { addTaskIn, createProblem } from '../worklists';
import { DEFAULT_SETTINGS, maskName } from './care.domain';
import { DEFAULT_CATEGORIES } from './care.labels';
import * as repo from './care.repo';
import { NINE_ANSWERS_DEMO } from './care.demo-answers';
import { nextDueAt, type RiskTier } from './schedule.domain';

const VILLAGE = '421081107212';
const DAY = 86_400_000;
const TIERS: RiskTier[] = [
  'high',
  'high',
  'key',
  'key',
  'key',
  'key',
  'key',
  'key',
  'general',
  'general',
  'general',
  'general',
];

export async function careDemo(deps: Deps): Promise<string | null> {
  const db = deps.db;
  if (await repo.demoLoaded(db)) return null;
  const staff = await repo.userIdsByName(db, ['gridworker', 'baizian']);
  const worker = staff.get('gridworker');
  const officer = staff.get('baizian');
  if (!worker || !officer) return null;
  await ensureResidents(deps);
  const people = await repo.oldestResidents(db, VILLAGE, TIERS.length);
  if (!people.length) return null;
  const now = deps.clock.now();
  const system = { kind: 'anonymous' as const, ip: null };
  let problems = 0;
  await db.transaction(async (tx) => {
    for (const [i, r] of people.entries()) {
      const tier = TIERS[i];
      // registered 10–75 days ago; every third person visited since, the rest left due or overdue
      const registeredAt = new Date(now.getTime() - (10 + ((i * 17) % 66)) * DAY);
      const id = await repo.insertPerson(tx, {
        residentId: r.id,
        gridCode: r.gridCode,
        categories: [DEFAULT_CATEGORIES[i % DEFAULT_CATEGORIES.length].key],
        tier,
        workerId: worker,
        consentBy: i % 4 === 3 ? 'guardian' : 'self',
        consentOn: registeredAt.toISOString().slice(0, 10),
        consentNote: null,
        note: null,
        registeredBy: officer,
        at: registeredAt,
        isDemo: true,
      });
      if (!id) continue;
      const p = { personId: id, gridCode: r.gridCode, workerId: worker, tier };
      const schedule = DEFAULT_SETTINGS.schedule;
      await repo.rollDue(tx, p, null, {
        reason: 'registered',
        openedAt: registeredAt,
        dueAt: nextDueAt(tier, 'registered', registeredAt, schedule),
      });
      if (i % 3 !== 0) continue;
      const visitedAt = new Date(registeredAt.getTime() + 2 * DAY);
      const visitId = await repo.insertVisit(tx, {
        personId: id,
        gridCode: r.gridCode,
        workerId: worker,
        visitedAt,
        answers: NINE_ANSWERS_DEMO,
        summary: '屋顶漏雨，需要维修',
        at: visitedAt,
      });
      await repo.rollDue(
        tx,
        p,
        { outcome: 'met', at: visitedAt, visitId },
        { reason: 'visited', openedAt: visitedAt, dueAt: nextDueAt(tier, 'visited', visitedAt, schedule) },
      );
      if (problems >= 3) continue;
      const problemId = await createProblem(
        tx,
        system,
        {
          source: 'visit',
          sourceRef: visitId,
          villageCode: VILLAGE,
          title: ['屋顶漏雨需维修', '低保待遇待复核', '需要助餐服务'][problems],
          description: '九必问走访中发现，需要村里协调解决。',
          subject: maskName(r.name),
          isDemo: true,
        },
        visitedAt,
      );
      await addTaskIn(
        tx,
        system,
        problemId,
        VILLAGE,
        {
          title: '联系落实',
          ownerId: officer,
          deadline: new Date(now.getTime() + 7 * DAY + 8 * 3_600_000).toISOString().slice(0, 10),
        },
        now,
      );
      problems++;
    }
    await auditSystem(tx, 'demo-seed', {
      action: 'care.person_register',
      entityType: 'care_person',
      scopeCode: VILLAGE,
      after: { count: people.length },
    });
  });
  // a need found on a visit, filed as a case on the resident's behalf (a failure leaves the rest of the demo in place)
  const filed = await (await import('./visit-needs.demo'))
    .visitCaseDemo(deps, worker, VILLAGE)
    .catch((e: Error) => `not filed (${e.message})`);
  return `care: ${people.length} people in special difficulty in 百子庵村, ${problems} problems on the three lists, a visit's need filed as case ${filed}`;
}

const ELDERS = [
  '王秀英',
  '李桂兰',
  '张德福',
  '刘玉珍',
  '陈有才',
  '杨淑芬',
  '赵长庚',
  '黄翠花',
  '周春生',
  '吴凤英',
  '徐老根',
  '孙桂芝',
];

/**
 * A small demo population samples its grids, and 百子庵村 may have no one: then twelve elderly
 * residents are added to its first grid (flagged demo) so that the demo grid worker has visits.
 */
async function ensureResidents(deps: Deps) {
  const { n, grid } = await repo.villageFill(deps.db, VILLAGE);
  if (n >= TIERS.length || !grid || grid.length !== 15) return;
  await deps.db.ownerTransaction(async (tx) => {
    const c = { tx, crypto: deps.crypto, isDemo: true };
    const homes = ELDERS.map((_, i) => ({
      code: `${grid}0009${String(i + 1).padStart(3, '0')}`,
      address: `百子庵村${(i % 6) + 1}组${i + 1}号`,
      point: null,
    }));
    await writeHouseholds(c, homes);
    const touched = await writeResidents(
      c,
      ELDERS.map((name, i) => ({
        householdCode: homes[i].code,
        name,
        idNumber: makeIdNumber('421081', `19${35 + i}0${(i % 9) + 1}15`, 900 + i),
        phone: null,
        relation: 'householder' as const,
      })),
    );
    await refreshCoverage(tx, touched);
  });
}
