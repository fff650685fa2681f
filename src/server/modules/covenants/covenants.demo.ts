/**
 * Demo data of the covenants module for 百子庵村 (421081107212), marked as demo content: its 村规民约
 * in the 2019 version (a paper record from before the platform) and the 2026 revision of 27 articles,
 * adopted by a 四议两公开 matter taken through its resolution by deliberation's demo; a 红白理事会 and a
 * 村民议事会 with their current terms; two 红白事, one over the limits of the article in force. Idempotent.
 */
import type { UserActor } from '../../platform/actor';
import { auditSystem } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { seedResolvedDemoMatter } from '../deliberation';
import * as councils from './councils.repo';
import { addTerm, createCouncil } from './councils.service';
import { ORIGINAL_ARTICLES, REVISED_ARTICLES } from './covenants.demo-text';
import * as repo from './covenants.repo';
import { adopt, createCovenant, draftVersion, saveArticles } from './covenants.service';
import { recordEvent } from './events.service';

const VILLAGE = '421081107212';

export async function seedCovenantsDemo(deps: Deps): Promise<string | null> {
  if (await repo.hasDemoCovenant(deps.db, VILLAGE)) return null;
  const userId = await councils.staffId(deps.db, 'baizian');
  if (!userId) return null;
  const officer: UserActor = {
    kind: 'user',
    userId,
    userKind: 'staff',
    displayName: '百子庵村',
    homeDivisionCode: VILLAGE,
    grants: [{ role: 'village_officer', scopeCode: VILLAGE, departmentCode: null }],
    ip: null,
  };
  const matterId = await seedResolvedDemoMatter(deps, {
    title: '修订《百子庵村村规民约》',
    summary:
      '修订村规民约：红白事宴席由 20 桌降为 15 桌、办事由 3 天降为 2 天，增加彩礼上限和“啄木鸟”志愿活动条款。（演示内容）',
  });
  if (!matterId) return null;
  const opts = { isDemo: true };
  const covenant = await createCovenant(
    deps,
    officer,
    { divisionCode: VILLAGE, kind: 'village', title: '百子庵村村规民约（演示）' },
    opts,
  );
  // the 2019 version: adopted on paper before the platform, recorded as it was
  await deps.db.ownerTransaction(async (tx) => {
    const id = await repo.insertVersion(tx, {
      covenantId: covenant.id,
      label: '2019年版',
      by: null,
      at: deps.clock.now(),
      isDemo: true,
    });
    await repo.replaceArticles(tx, id, ORIGINAL_ARTICLES);
    await repo.putInForce(tx, id, {
      matterId: null,
      note: '2019年3月村民代表会议表决通过（纸质记录补录，演示内容）',
      on: '2019-03-15',
      by: null,
    });
    await auditSystem(tx, 'demo-seed', {
      action: 'covenants.adopt',
      entityType: 'covenant_version',
      entityId: id,
      scopeCode: VILLAGE,
      after: { adoptedOn: '2019-03-15' },
    });
  });
  const draft = await draftVersion(deps, officer, covenant.id, { label: '2026年修订' }, opts);
  await saveArticles(deps, officer, draft.id, { articles: REVISED_ARTICLES });
  await adopt(deps, officer, draft.id, { matterId, note: '演示内容' }, opts);

  const adults = await councils.adultsOf(deps.db, VILLAGE, 0, 9);
  const year = Number(new Date(deps.clock.now()).toISOString().slice(0, 4));
  const term = { startsOn: `${year - 2}-01-01`, endsOn: `${year + 2}-12-31` };
  const redWhite = await createCouncil(
    deps,
    officer,
    { divisionCode: VILLAGE, kind: 'red_white_council', name: '百子庵村红白理事会' },
    opts,
  );
  await addTerm(deps, officer, redWhite.id, {
    ...term,
    members: adults.slice(0, 5).map((residentId, i) => ({ residentId, role: i === 0 ? 'chair' : 'member' })),
  });
  const council = await createCouncil(
    deps,
    officer,
    { divisionCode: VILLAGE, kind: 'villagers_council', name: '百子庵村村民议事会' },
    opts,
  );
  await addTerm(deps, officer, council.id, {
    ...term,
    members: adults.slice(4, 9).map((residentId, i) => ({ residentId, role: i === 0 ? 'chair' : 'member' })),
  });
  const day = (d: number) => new Date(deps.clock.now().getTime() - d * 86_400_000).toISOString().slice(0, 10);
  await recordEvent(
    deps,
    officer,
    {
      divisionCode: VILLAGE,
      family: '张家（演示）',
      kind: 'wedding',
      heldOn: day(12),
      tables: 12,
      days: 1,
      costFen: 7_200_00,
      note: '婚事新办，按约办理',
    },
    opts,
  );
  await recordEvent(
    deps,
    officer,
    {
      divisionCode: VILLAGE,
      family: '李家（演示）',
      kind: 'funeral',
      heldOn: day(5),
      tables: 22,
      days: 3,
      costFen: 15_400_00,
      note: '理事会已上门劝导',
    },
    opts,
  );
  return `covenants: 百子庵村 村规民约 (2019年版 → 2026年修订, 27 articles), 2 councils, 2 红白事 (1 over the limit)`;
}
