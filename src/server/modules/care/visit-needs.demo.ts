/** Demo: a need found on the demo grid worker's latest visit in 百子庵村, filed as a case on the resident's behalf. */
import type { Deps } from '../../platform/deps';
import { activeGrants } from '../access';
import * as repo from './visit-needs.repo';
import { needToCase } from './visit-needs.service';

export async function visitCaseDemo(deps: Deps, workerId: string, village: string): Promise<string | null> {
  const visitId = await repo.latestVisitBy(deps.db, workerId, village);
  if (!visitId) return null;
  const actor = {
    kind: 'user' as const,
    userId: workerId,
    userKind: 'staff' as const,
    displayName: '网格员（演示）',
    homeDivisionCode: null,
    grants: await activeGrants(deps.db, workerId),
    ip: null,
  };
  const c = await needToCase(deps, actor, visitId, {
    categoryCode: '01037',
    title: '门前路灯不亮',
    description: '九必问走访中老人反映：门前路灯坏了半个月，夜间出行不便。',
  });
  return c.number;
}
