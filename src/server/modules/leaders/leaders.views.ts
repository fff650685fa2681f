/** How stored rows leave as the contract's views (shared by the services). */
import { addDays, REVIEW_WINDOW_DAYS } from './leaders.domain';
import type { TierLine } from './leaders.schema';
import type { TierRow } from './tiers.repo';

/** A tier as shown: due when not reviewed and its review date is within the window (or past). */
export function tierLine(t: TierRow, today: string): TierLine {
  return { ...t, due: t.outcome === null && t.reviewOn <= addDays(today, REVIEW_WINDOW_DAYS) };
}
