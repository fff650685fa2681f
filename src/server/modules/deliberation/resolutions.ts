/**
 * What other modules may read of a matter's resolution (covenants: a 村规民约 version is adopted by
 * citing a matter whose villagers' or representatives' meeting passed its resolution step). Reads only.
 */
import type { Queryable } from '../../platform/db/db';
import { MATTER_STATE_LABELS, type MatterState } from './deliberation.labels';
import { matterById, stepsOf } from './matters.repo';

export interface MatterResolution {
  matterId: string;
  divisionCode: string;
  title: string;
  state: MatterState;
  stateZh: string;
  /** When its resolution step passed (四议两公开 step 4), or null when it has not. */
  resolvedAt: Date | null;
}

export async function matterResolution(q: Queryable, matterId: string): Promise<MatterResolution | null> {
  const m = await matterById(q, matterId);
  if (!m) return null;
  const resolved = (await stepsOf(q, matterId)).find((s) => s.event === 'resolve' && s.outcome === 'passed');
  return {
    matterId: m.id,
    divisionCode: m.divisionCode,
    title: m.title,
    state: m.state,
    stateZh: MATTER_STATE_LABELS[m.state].zh,
    resolvedAt: resolved?.recordedAt ?? null,
  };
}
