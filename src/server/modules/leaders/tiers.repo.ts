/** SQL of tiered management (提级管理) of secretaries. */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';
import type { TierBody } from './leaders.schema';

export interface TierRow {
  id: string;
  personId: string;
  personName: string;
  villageCode: string;
  villageName: string;
  direction: 'positive' | 'negative';
  tier: 'town' | 'county';
  reason: string;
  periodStart: string;
  periodEnd: string;
  reviewOn: string;
  outcome: 'continue' | 'lift' | 'escalate' | 'end' | null;
  outcomeNote: string | null;
  reviewedAt: Date | null;
}

const TIER_SELECT = `SELECT t.id, t.person_id AS "personId", p.name AS "personName", t.village_code AS "villageCode",
    d.name AS "villageName", t.direction, t.tier, t.reason, to_char(t.period_start, 'YYYY-MM-DD') AS "periodStart",
    to_char(t.period_end, 'YYYY-MM-DD') AS "periodEnd", to_char(t.review_on, 'YYYY-MM-DD') AS "reviewOn",
    t.outcome, t.outcome_note AS "outcomeNote", t.reviewed_at AS "reviewedAt"
  FROM leader_tiers t JOIN leader_people p ON p.id = t.person_id JOIN divisions d ON d.code = t.village_code`;

export async function insertTier(q: Queryable, personId: string, villageCode: string, t: TierBody) {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO leader_tiers (person_id, village_code, direction, tier, reason, period_start, period_end, review_on)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [personId, villageCode, t.direction, t.tier, t.reason, t.periodStart, t.periodEnd, t.reviewOn],
  );
  return rows[0].id;
}

export async function tiersOf(q: Queryable, personId: string): Promise<TierRow[]> {
  const { rows } = await q.query<TierRow>(`${TIER_SELECT} WHERE t.person_id = $1 ORDER BY t.period_start DESC, t.id`, [
    personId,
  ]);
  return rows;
}

export async function findTier(q: Queryable, id: string, lock = false): Promise<TierRow | null> {
  const { rows } = await q.query<TierRow>(`${TIER_SELECT} WHERE t.id = $1${lock ? ' FOR UPDATE OF t' : ''}`, [id]);
  return rows[0] ?? null;
}

/** Records the review once: false when it was already reviewed. */
export async function reviewTier(
  q: Queryable,
  id: string,
  r: { outcome: string; note: string | null; by: string; at: Date },
): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE leader_tiers SET outcome = $2, outcome_note = $3, reviewed_by = $4, reviewed_at = $5
      WHERE id = $1 AND outcome IS NULL`,
    [id, r.outcome, r.note, r.by, r.at],
  );
  return (rowCount ?? 0) > 0;
}

export const tierKey = (t: TierRow) => [t.reviewOn, t.id] as const;

/** Unreviewed tiers under the scopes whose review falls on or before `until`, soonest first. */
export async function dueTiers(q: Queryable, scopes: string[], until: string, limit: number, after: KeyValue[] | null) {
  const params: unknown[] = [scopes.map((s) => `${s}%`), until, limit];
  let cursor = '';
  if (after) {
    params.push(after[0], after[1]);
    cursor = ` AND (t.review_on, t.id) > ($4::date, $5::uuid)`;
  }
  const { rows } = await q.query<TierRow>(
    `${TIER_SELECT} WHERE t.outcome IS NULL AND t.village_code LIKE ANY ($1::text[]) AND t.review_on <= $2::date${cursor}
      ORDER BY t.review_on, t.id LIMIT $3 + 1`,
    params,
  );
  return rows;
}
