/**
 * A gap of the service circle becomes work (issue #15): the homes of a village out of walking reach
 * of a facility kind are listed as a problem on the three lists (worklists' `createProblem`, source
 * `circle_gap`, reference `<village>:<kind>`), once: while that problem is open, listing the gap again
 * answers the same problem. Village, town and county officers of the village list it.
 */
import type { UserActor } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { holdsAt } from '../access';
import { findDivision } from '../divisions';
import { createProblem, latestProblemFor, openProblemsFor } from '../worklists';
import { circleGaps, circleState, kindOf } from './coverage.service';

const LISTERS = ['village_officer', 'town_officer', 'county_officer'] as const;
export const gapRef = (villageCode: string, kindKey: string) => `${villageCode}:${kindKey}`;
const cstDay = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The gaps under `scope`, each with the open three-lists problem it already is (if any). */
export async function gapsWithProblems(deps: Deps, scope: string) {
  const [gaps, open] = await Promise.all([circleGaps(deps, scope), openProblemsFor(deps.db, 'circle_gap', scope)]);
  const byRef = new Map(open.map((p) => [p.sourceRef, p.id]));
  return gaps.map((g) => ({ ...g, problemId: byRef.get(gapRef(g.villageCode, g.kindKey)) ?? null }));
}

export async function listGap(deps: Deps, actor: UserActor, villageCode: string, kindKey: string) {
  if (!holdsAt(actor, LISTERS, villageCode)) throw new AppError('forbidden');
  const village = await findDivision(deps.db, villageCode);
  if (village?.level !== 5) throw new AppError('worklists_not_a_village', { code: villageCode });
  const kind = kindOf(await circleState(deps), kindKey);
  const gap = (await circleGaps(deps, villageCode)).find((g) => g.villageCode === villageCode && g.kindKey === kindKey);
  if (!gap)
    throw new AppError('circle_no_gap', { village: village.name, kind: kind.name, kindEn: kind.nameEn, m: kind.walkM });
  const now = deps.clock.now();
  const ref = gapRef(villageCode, kindKey);
  const title = `生活圈缺口：${kind.name}（步行 ${kind.walkM} 米，${cstDay(now)} 测算）`;
  return deps.db.transaction(async (tx) => {
    const last = await latestProblemFor(tx, 'circle_gap', ref);
    if (last && (last.state !== 'closed' || last.title === title)) return { problemId: last.id, created: false };
    const problemId = await createProblem(
      tx,
      actor,
      {
        source: 'circle_gap',
        sourceRef: ref,
        villageCode,
        title,
        description:
          `${gap.villageName}有 ${gap.uncoveredHomes} 户、${gap.uncoveredPeople} 人步行 ${kind.walkM} 米内没有${kind.name}` +
          `（${kind.source || '15分钟便民生活圈'}）。请研究增设、共享或流动服务的办法。`,
      },
      now,
    );
    return { problemId, created: true };
  });
}
