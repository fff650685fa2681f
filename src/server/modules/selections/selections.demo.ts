/**
 * Demo data of 评选: residents of 百子庵村 registered with the phones 13916000001–9 (they can sign in
 * by SMS and vote), a 2026 selection of 优秀共同缔造员 in 高基庙镇 with nominees from 百子庵村 in its
 * voting phase, and a 2025 one finished (ranking published, results out, certificates issued). Everything goes through
 * the services (and so the audit trail), as the demo's town officer, village officer and grid worker.
 */
import type { UserActor } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { makeIdNumber, refreshCoverage, writeHouseholds, writeResidents } from '../organisation';
import { checkNominee, nominate } from './nominations.service';
import { scoreNominee } from './scoring.service';
import { demoSelections, residentsOf, staffByUsername } from './selections.repo';
import { issueCertificates } from './certificates.service';
import { advanceSelection, createSelection } from './selections.service';

const TOWN = '421081107'; // 高基庙镇
const VILLAGE = '421081107212'; // 百子庵村
const GRID = `${VILLAGE}001`; // its first grid
const PHONES = Array.from({ length: 9 }, (_, i) => `1391600000${i + 1}`);
/** Their homes: households 0009001… of the grid (no building) (the synthetic population may leave 百子庵村 empty at small scales). */
const HOMES = PHONES.map((_, i) => `${GRID}0009${String(i + 1).padStart(3, '0')}`);
const NAMES = ['周春华', '吴秋菊', '郑国强', '王冬梅', '冯志明', '陈玉兰', '褚建军', '卫小红', '蒋德胜'];
const HOUR = 3_600_000;

const staff = (userId: string, role: 'town_officer' | 'village_officer' | 'grid_worker', scope: string): UserActor => ({
  kind: 'user',
  userId,
  userKind: 'staff',
  displayName: role,
  homeDivisionCode: null,
  grants: [{ role, scopeCode: scope, departmentCode: null }],
  ip: null,
});

export async function selectionsDemo(deps: Deps): Promise<string | null> {
  if ((await demoSelections(deps.db)) > 0) return null;
  const ids = await staffByUsername(deps.db, ['gaojimiao', 'baizian', 'gridworker']);
  const [town, village, grid] = ['gaojimiao', 'baizian', 'gridworker'].map((u) => ids.get(u));
  if (!town || !village || !grid) return null;
  await deps.db.transaction(async (tx) => {
    const c = { tx, crypto: deps.crypto, isDemo: true };
    const touched = await writeHouseholds(
      c,
      HOMES.map((code, i) => ({ code, address: `百子庵村一组${i + 1}号`, point: null })),
    );
    await writeResidents(
      c,
      PHONES.map((phone, i) => ({
        householdCode: HOMES[i],
        name: NAMES[i],
        idNumber: makeIdNumber('421081', `1975${String(i + 1).padStart(2, '0')}15`, 900 + i),
        phone,
        relation: 'householder' as const,
      })),
    );
    await refreshCoverage(tx, touched);
  });
  const runner = staff(town, 'town_officer', TOWN);
  const panel = [staff(village, 'village_officer', VILLAGE), staff(grid, 'grid_worker', VILLAGE)];
  // nominees: people of 百子庵村's register (the synthetic population's, else the demo's own residents)
  const people = await residentsOf(deps.db, VILLAGE, 40);
  const others = people.filter((p) => !NAMES.includes(p.name));
  const nominees = others.length >= 8 ? others : people.filter((p) => NAMES.slice(1).includes(p.name));
  const made: string[] = [];
  for (const [year, finished, picks] of [
    [2025, true, nominees.slice(0, 4)],
    [2026, false, nominees.slice(4, 8)],
  ] as const) {
    const now = deps.clock.now().getTime();
    const s = await createSelection(
      deps,
      runner,
      {
        kind: 'outstanding_cocreator',
        title: `${year}年度高基庙镇优秀共同缔造员评选`,
        divisionCode: TOWN,
        quota: 2,
        endorsementsRequired: 3,
        panelWeight: 60,
        criteria: [
          { name: '群众口碑', weight: 40, minScore: 0, maxScore: 10 },
          { name: '参与共同缔造', weight: 40, minScore: 0, maxScore: 10 },
          { name: '示范带动', weight: 20, minScore: 0, maxScore: 5 },
        ],
        panel: panel.map((p) => p.userId),
        nominationEndsAt: new Date(now + HOUR).toISOString(),
        votingStartsAt: new Date(now + 2 * HOUR).toISOString(),
        votingEndsAt: new Date(now + (finished ? 3 : 24 * 14) * HOUR).toISOString(),
        publicityDays: finished ? 0 : 5,
      },
      { isDemo: true },
    );
    const list: string[] = [];
    for (const p of picks)
      list.push(
        (
          await nominate(deps, runner, s.id, {
            route: 'organisation',
            residentId: p.id,
            orgName: '百子庵村党支部',
            statement: `${p.name}热心村务，带头参与美好环境与幸福生活共同缔造`,
          })
        ).id,
      );
    const reason = '演示数据';
    await advanceSelection(deps, runner, s.id, reason);
    for (const n of list) await checkNominee(deps, runner, s.id, n, { eligible: true, note: '符合条件' });
    await advanceSelection(deps, runner, s.id);
    for (const [i, n] of list.entries())
      for (const [j, member] of panel.entries())
        await scoreNominee(deps, member, s.id, n, {
          scores: [
            { criterion: 1, score: 9 - i - j },
            { criterion: 2, score: 7 + ((i + j) % 3) },
            { criterion: 3, score: 5 - (i % 3) },
          ],
        });
    await advanceSelection(deps, runner, s.id, reason);
    if (finished) {
      await advanceSelection(deps, runner, s.id, reason); // close the vote, publish the ranking for 公示
      await advanceSelection(deps, runner, s.id); // 公示 of 0 days, no objections: results
      await issueCertificates(deps, runner, s.id); // 荣誉证书 for the winners
    }
    made.push(`${s.title}（${finished ? '已公布结果，已颁发证书' : '投票中'}）`);
  }
  return `评选 selections: ${made.join('、')}; residents 13916000001–9 registered in 百子庵村`;
}
