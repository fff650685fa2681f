/** SQL of selections, their criteria and panels, and the counts the phase guards read. */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';
import type { Phase, SelectionKind, Subject } from './selections.labels';

export interface SelectionRow {
  id: string;
  kind: SelectionKind;
  subject: Subject;
  title: string;
  divisionCode: string;
  divisionName: string;
  quota: number;
  partyMemberRequired: boolean;
  endorsementsRequired: number;
  panelWeight: number;
  trimmedMean: boolean;
  phase: Phase;
  nominationEndsAt: Date;
  votingStartsAt: Date;
  votingEndsAt: Date;
  publicityDays: number;
  publicityCalendar: 'working' | 'calendar';
  votingClosedAt: Date | null;
  publishedAt: Date | null;
  publicityEndsAt: Date | null;
  resultsAt: Date | null;
  rankingRevision: number;
  createdAt: Date;
}

const COLUMNS = `s.id, s.kind, s.subject, s.title, s.division_code AS "divisionCode", d.name AS "divisionName", s.quota,
  s.party_member_required AS "partyMemberRequired", s.endorsements_required AS "endorsementsRequired",
  s.panel_weight AS "panelWeight", s.trimmed_mean AS "trimmedMean", s.phase,
  s.nomination_ends_at AS "nominationEndsAt", s.voting_starts_at AS "votingStartsAt", s.voting_ends_at AS "votingEndsAt",
  s.publicity_days AS "publicityDays", s.publicity_calendar AS "publicityCalendar", s.voting_closed_at AS "votingClosedAt",
  s.published_at AS "publishedAt", s.publicity_ends_at AS "publicityEndsAt", s.results_at AS "resultsAt",
  s.ranking_revision AS "rankingRevision", s.created_at AS "createdAt"`;

export interface NewSelection {
  kind: SelectionKind;
  subject: Subject;
  title: string;
  divisionCode: string;
  quota: number;
  partyMemberRequired: boolean;
  endorsementsRequired: number;
  panelWeight: number;
  trimmedMean: boolean;
  nominationEndsAt: Date;
  votingStartsAt: Date;
  votingEndsAt: Date;
  publicityDays: number;
  publicityCalendar: 'working' | 'calendar';
  createdBy: string;
  createdAt: Date;
  isDemo?: boolean;
  criteria: readonly { position: number; name: string; weight: number; minScore: number; maxScore: number }[];
  panel: readonly string[];
}

export async function insertSelection(q: Queryable, s: NewSelection): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO selections (kind, subject, title, division_code, quota, party_member_required, endorsements_required, panel_weight,
       trimmed_mean, nomination_ends_at, voting_starts_at, voting_ends_at, publicity_days, publicity_calendar, created_by, created_at, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
    [
      s.kind,
      s.subject,
      s.title,
      s.divisionCode,
      s.quota,
      s.partyMemberRequired,
      s.endorsementsRequired,
      s.panelWeight,
      s.trimmedMean,
      s.nominationEndsAt.toISOString(),
      s.votingStartsAt.toISOString(),
      s.votingEndsAt.toISOString(),
      s.publicityDays,
      s.publicityCalendar,
      s.createdBy,
      s.createdAt.toISOString(),
      s.isDemo ?? false,
    ],
  );
  const id = rows[0].id;
  await q.query(
    `INSERT INTO selection_criteria (selection_id, position, name, weight, min_score, max_score)
     SELECT $1, * FROM unnest($2::smallint[], $3::text[], $4::int[], $5::int[], $6::int[])`,
    [
      id,
      s.criteria.map((c) => c.position),
      s.criteria.map((c) => c.name),
      s.criteria.map((c) => c.weight),
      s.criteria.map((c) => c.minScore),
      s.criteria.map((c) => c.maxScore),
    ],
  );
  await q.query(`INSERT INTO selection_panel (selection_id, user_id) SELECT $1, unnest($2::uuid[])`, [id, s.panel]);
  return id;
}

/** Which of these ids are active staff accounts. */
export async function activeStaff(q: Queryable, ids: readonly string[]): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM users WHERE id = ANY($1::uuid[]) AND kind = 'staff' AND disabled_at IS NULL`,
    [ids],
  );
  return rows.map((r) => r.id);
}

export async function divisionName(q: Queryable, code: string): Promise<string | null> {
  const { rows } = await q.query<{ name: string }>('SELECT name FROM divisions WHERE code = $1', [code]);
  return rows[0]?.name ?? null;
}

export async function getSelection(q: Queryable, id: string, lock = false): Promise<SelectionRow | null> {
  const { rows } = await q.query<SelectionRow>(
    `SELECT ${COLUMNS} FROM selections s JOIN divisions d ON d.code = s.division_code WHERE s.id = $1${lock ? ' FOR UPDATE OF s' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export const selectionKey = (s: SelectionRow) => [s.createdAt.toISOString(), s.id] as const;

/**
 * Selections newest first: those whose place is under one of `scopes`, or whose area contains one
 * of the places `covering` (a resident's, or a village's staff seeing their town's selections).
 */
export async function listSelections(
  q: Queryable,
  where: { scopes: readonly string[]; covering: readonly string[] },
  limit: number,
  after: readonly KeyValue[] | null,
): Promise<SelectionRow[]> {
  const [at, id] = after ?? [null, null];
  const { rows } = await q.query<SelectionRow>(
    `SELECT ${COLUMNS} FROM selections s JOIN divisions d ON d.code = s.division_code
      WHERE (EXISTS (SELECT 1 FROM unnest($1::text[]) x WHERE s.division_code LIKE x || '%')
             OR EXISTS (SELECT 1 FROM unnest($5::text[]) x WHERE x LIKE s.division_code || '%'))
        AND ($3::timestamptz IS NULL OR (s.created_at, s.id) < ($3::timestamptz, $4::uuid))
      ORDER BY s.created_at DESC, s.id DESC LIMIT $2`,
    [where.scopes, limit, at, id, where.covering],
  );
  return rows;
}

/** Selections whose panel the user sits on, newest first. */
export async function panelSelections(q: Queryable, userId: string): Promise<SelectionRow[]> {
  const { rows } = await q.query<SelectionRow>(
    `SELECT ${COLUMNS} FROM selections s JOIN divisions d ON d.code = s.division_code
      WHERE s.id IN (SELECT selection_id FROM selection_panel WHERE user_id = $1) ORDER BY s.created_at DESC, s.id DESC LIMIT 200`,
    [userId],
  );
  return rows;
}

export interface CriterionRow {
  position: number;
  name: string;
  weight: number;
  minScore: number;
  maxScore: number;
}

export async function criteriaOf(q: Queryable, id: string): Promise<CriterionRow[]> {
  const { rows } = await q.query<CriterionRow>(
    `SELECT position, name, weight, min_score AS "minScore", max_score AS "maxScore" FROM selection_criteria
      WHERE selection_id = $1 ORDER BY position`,
    [id],
  );
  return rows;
}

export async function panelOf(q: Queryable, id: string): Promise<{ userId: string; displayName: string }[]> {
  const { rows } = await q.query<{ userId: string; displayName: string }>(
    `SELECT p.user_id AS "userId", u.display_name AS "displayName" FROM selection_panel p JOIN users u ON u.id = p.user_id
      WHERE p.selection_id = $1 ORDER BY u.display_name, p.user_id`,
    [id],
  );
  return rows;
}

export async function isPanelMember(q: Queryable, id: string, userId: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM selection_panel WHERE selection_id = $1 AND user_id = $2', [
    id,
    userId,
  ]);
  return rows.length > 0;
}

export async function updatePhase(
  q: Queryable,
  id: string,
  patch: {
    phase: Phase;
    votingStartsAt?: Date;
    votingClosedAt?: Date;
    publishedAt?: Date;
    publicityEndsAt?: Date;
    resultsAt?: Date;
  },
): Promise<void> {
  await q.query(
    `UPDATE selections SET phase = $2, voting_closed_at = coalesce($3, voting_closed_at), published_at = coalesce($4, published_at),
       publicity_ends_at = coalesce($5, publicity_ends_at), results_at = coalesce($6, results_at),
       voting_starts_at = coalesce($7, voting_starts_at) WHERE id = $1`,
    [
      id,
      patch.phase,
      patch.votingClosedAt?.toISOString() ?? null,
      patch.publishedAt?.toISOString() ?? null,
      patch.publicityEndsAt?.toISOString() ?? null,
      patch.resultsAt?.toISOString() ?? null,
      patch.votingStartsAt?.toISOString() ?? null,
    ],
  );
}

/** What the phase guards count: unchecked and eligible nominees, missing score sheets, open objections. */
export async function advanceCounts(
  q: Queryable,
  id: string,
): Promise<{ unchecked: number; eligible: number; missingScores: number; openObjections: number }> {
  const { rows } = await q.query<{
    unchecked: number;
    eligible: number;
    missingScores: number;
    openObjections: number;
  }>(
    `SELECT
       (SELECT count(*) FROM selection_nominees WHERE selection_id = $1 AND status = 'nominated')::int AS unchecked,
       (SELECT count(*) FROM selection_nominees WHERE selection_id = $1 AND status = 'eligible')::int AS eligible,
       (SELECT count(*) FROM selection_nominees n JOIN selection_panel p ON p.selection_id = n.selection_id
         WHERE n.selection_id = $1 AND n.status = 'eligible'
           AND NOT EXISTS (SELECT 1 FROM selection_conflicts c WHERE c.nominee_id = n.id AND c.user_id = p.user_id)
           AND (SELECT count(*) FROM selection_scores x WHERE x.nominee_id = n.id AND x.user_id = p.user_id)
               < (SELECT count(*) FROM selection_criteria k WHERE k.selection_id = $1))::int AS "missingScores",
       (SELECT count(*) FROM selection_objections WHERE selection_id = $1 AND answered_at IS NULL)::int AS "openObjections"`,
    [id],
  );
  return rows[0];
}

// ---- the demo's look-ups (selections.demo.ts) ----

export async function demoSelections(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM selections WHERE is_demo');
  return rows[0].n;
}

export async function staffByUsername(q: Queryable, usernames: readonly string[]): Promise<Map<string, string>> {
  const { rows } = await q.query<{ id: string; username: string }>(
    `SELECT id, username FROM users WHERE username = ANY($1::text[]) AND kind = 'staff' AND disabled_at IS NULL`,
    [usernames],
  );
  return new Map(rows.map((r) => [r.username, r.id]));
}

/** Register people of a village, by household code and name (the demo's nominees). */
export async function residentsOf(q: Queryable, village: string, n: number): Promise<{ id: string; name: string }[]> {
  const { rows } = await q.query<{ id: string; name: string }>(
    `SELECT id, name FROM residents WHERE household_code LIKE $1 || '%' AND phone_index IS NOT NULL ORDER BY household_code DESC, id LIMIT $2`,
    [village, n],
  );
  return rows;
}
