/**
 * The intake's statements, each for a whole group of reports: the write (cases, first timeline
 * events, followers, outbox messages and audit rows in one atomic statement that also checks
 * replays and hourly limits) and, when that refuses, the checks that tell which report is which.
 */
import { auditCtes, auditParams, type SealedAudit } from '../../platform/audit/audit.batch';
import type { Queryable } from '../../platform/db/db';
import { codePoints, type FieldProblem, findUnstorable } from '../../platform/text';
import { type CaseEventRow, type CaseRow, type NewCase, UNTOUCHED_CASE } from './cases.repo';

/** Reports a person filed since this time count towards the hourly limit on a report received `at`. */
export const limitWindowStart = (at: Date): Date => new Date(at.getTime() - 3_600_000);

export interface IntakeCheck {
  /** Who submits: the reporter, the staff member entering it, or the Open311 client (null: no checks). */
  submitter: string | null;
  idempotencyKey: string | null;
  /** Reports by the submitter since this time count towards the hourly limit. */
  since: Date;
}

export interface IntakeCheckResult {
  existingId: string | null;
  recent: number;
}

/** `limit`: recent reports are counted up to the hourly limit, no further (all that matters is whether it is reached). */
export async function intakeChecks(
  q: Queryable,
  checks: readonly IntakeCheck[],
  limit: number,
): Promise<IntakeCheckResult[]> {
  const { rows } = await q.query<{ existing_id: string | null; recent: number }>(
    `SELECT (SELECT id FROM cases WHERE COALESCE(reporter_id, entered_by, open311_client_id) = r.submitter AND idempotency_key = r.key) AS existing_id,
            CASE WHEN r.submitter IS NULL THEN 0 ELSE
              (SELECT count(*) FROM (SELECT FROM cases WHERE reporter_id = r.submitter AND received_at >= r.since LIMIT $4) m)
            + (SELECT count(*) FROM (SELECT FROM cases WHERE entered_by = r.submitter AND received_at >= r.since LIMIT $4) m) END AS recent
       FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) WITH ORDINALITY AS r(submitter, key, since, i)
      ORDER BY r.i`,
    [
      checks.map((c) => c.submitter),
      checks.map((c) => c.idempotencyKey),
      checks.map((c) => c.since.toISOString()),
      limit,
    ],
    { name: 'intake_checks' },
  );
  return rows.map((r) => ({ existingId: r.existing_id, recent: Number(r.recent) }));
}

/** A new case with what is written with it. */
export interface CaseWrite {
  id: string;
  number: string;
  case: NewCase;
  event: Omit<CaseEventRow, 'id'>;
  followerId: string | null;
  outbox: { topic: string; payload: object } | null;
  /** Checked by the statement itself (see insertCases): who submits, whether the hourly limit applies, and since when. */
  check?: { submitter: string; limited: boolean; since: Date };
}

/** A case write with its statement input built ahead (off the writer's critical path). */
export interface PreparedCase {
  /** The row as it will be stored. */
  row: CaseRow;
  /** Its input to insertCases, as JSON without the group-dependent fields. */
  json: string;
  /** What the database would refuse in it (then it must not join a group): see unstorable. */
  problem: FieldProblem | null;
}

export function prepareCase(w: CaseWrite): PreparedCase {
  const input = caseInput(w);
  return { row: newCaseRow(w), json: JSON.stringify(input), problem: unstorable(input) };
}

/** Statement inputs named as the report's fields, for the error. */
const FIELD_OF: Record<string, string> = {
  reporter_name: 'onBehalfOf.name',
  ev_actor_label: 'onBehalfOf.name',
  idempotency_key: 'Idempotency-Key',
  category_code: 'categoryCode',
};
const URGENCIES = ['normal', 'urgent', 'critical'];
/** Longest Idempotency-Key the unique index takes with room to spare (a b-tree entry is at most ~2.7 kB). */
const MAX_KEY = 200;

/**
 * Whatever in a case's statement input the database would refuse, which would fail every report
 * of its group: text it cannot store (NUL, a lone surrogate) in any column or jsonb value, a
 * number JSON cannot carry, a point off the globe, an urgency its CHECK refuses, a key too long
 * for its index. Pure.
 */
function unstorable(input: ReturnType<typeof caseInput>): FieldProblem | null {
  const found = findUnstorable(input, '', { numbers: true });
  if (found) {
    const [column, ...rest] = found.field.split('.');
    return { ...found, field: [FIELD_OF[column] ?? column, ...rest].join('.') };
  }
  if (Math.abs(input.lng) > 180) return { field: 'lng', problem: 'out_of_range' };
  if (Math.abs(input.lat) > 90) return { field: 'lat', problem: 'out_of_range' };
  if (!URGENCIES.includes(input.urgency)) return { field: 'urgency', problem: 'out_of_range' };
  if (input.idempotency_key !== null && codePoints(input.idempotency_key) > MAX_KEY)
    return { field: 'Idempotency-Key', problem: 'too_long' };
  return null;
}

const CASE_INPUT = `id uuid, number text, title text, description text, category_code text, extra jsonb, urgency text, lng float8, lat float8, address text, location_source text,
  grid_code text, division_code text, tier text, state text, handler_user_id uuid, handler_department text, reporter_id uuid, reporter_name text,
  reporter_contact text, entered_by uuid, anonymous boolean, source text, open311_client_id uuid, is_public boolean, idempotency_key text,
  rule_trace jsonb, received_at timestamptz, response_due_at timestamptz, ev_at timestamptz, ev_actor_id uuid, ev_actor_label text, ev_type text,
  ev_from text, ev_to text, ev_note text, ev_data jsonb, ev_public boolean, follower_id uuid, outbox_topic text, outbox_payload jsonb, n int,
  chk_submitter uuid, chk_limited boolean, chk_since timestamptz, chk_rank int`;

function caseInput(w: CaseWrite) {
  const c = w.case;
  const e = w.event;
  return {
    id: w.id,
    number: w.number,
    title: c.title,
    description: c.description,
    category_code: c.categoryCode,
    extra: c.extra,
    urgency: c.urgency,
    lng: c.lng,
    lat: c.lat,
    address: c.address,
    location_source: c.locationSource ?? null,
    grid_code: c.gridCode,
    division_code: c.divisionCode,
    tier: c.tier,
    state: c.state,
    handler_user_id: c.handlerUserId,
    handler_department: c.handlerDepartment,
    reporter_id: c.reporterId,
    reporter_name: c.reporterName,
    reporter_contact: c.reporterContact,
    entered_by: c.enteredBy,
    anonymous: c.anonymous,
    source: c.source,
    open311_client_id: c.open311ClientId,
    is_public: c.isPublic,
    idempotency_key: c.idempotencyKey,
    rule_trace: c.ruleTrace,
    received_at: c.receivedAt.toISOString(),
    response_due_at: c.responseDueAt.toISOString(),
    ev_at: e.at.toISOString(),
    ev_actor_id: e.actorId,
    ev_actor_label: e.actorLabel,
    ev_type: e.type,
    ev_from: e.fromState,
    ev_to: e.toState,
    ev_note: e.note,
    ev_data: e.data,
    ev_public: e.isPublic,
    follower_id: w.followerId,
    outbox_topic: w.outbox?.topic ?? null,
    outbox_payload: w.outbox?.payload ?? null,
    chk_submitter: w.check?.submitter ?? null,
    chk_limited: w.check?.limited ?? false,
    chk_since: w.check?.since.toISOString() ?? null,
  };
}

/** Raised (SQLSTATE) when a report of the group is a replay or over its submitter's hourly limit. */
export const GROUP_NEEDS_CHECKS = 'CC002';

/**
 * Inserts the cases with their first events, followers, outbox messages and (when given) the
 * sealed audit rows as ONE statement: atomic without an explicit transaction, one round trip for
 * the whole group. The statement refuses (GROUP_NEEDS_CHECKS, nothing written) when a report
 * with a `check` repeats an Idempotency-Key its submitter already used, or would take the
 * submitter past `limit` reports in the hour; `rank` is the report's place among its submitter's
 * in the group (1, 2, …). Returns the new rows in input order.
 */
export async function insertCases(
  q: Queryable,
  writes: readonly { prepared: PreparedCase; rank?: number }[],
  options: { limit?: number; audit?: SealedAudit } = {},
): Promise<CaseRow[]> {
  const { audit } = options;
  const json = `[${writes.map((w, n) => `{"n":${n},"chk_rank":${w.rank ?? 0},${w.prepared.json.slice(1)}`).join(',')}]`;
  const params: unknown[] = [json, options.limit ?? 0];
  if (audit) params.push(...auditParams(audit));
  const { rows } = await q.query<{ id: string }>(
    `WITH x AS MATERIALIZED (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${CASE_INPUT})),
     guard AS MATERIALIZED (
       SELECT intake_proceed(count(*)::int) AS ok FROM x
        WHERE x.chk_submitter IS NOT NULL AND (
          (x.idempotency_key IS NOT NULL
            -- a scalar subquery with LIMIT: one index probe per report (an EXISTS may be planned as a hashed scan of all cases)
            AND (SELECT true FROM cases c WHERE COALESCE(c.reporter_id, c.entered_by, c.open311_client_id) = x.chk_submitter AND c.idempotency_key = x.idempotency_key LIMIT 1))
          OR (x.chk_limited AND x.chk_rank
            + (SELECT count(*) FROM (SELECT FROM cases c WHERE c.reporter_id = x.chk_submitter AND c.received_at >= x.chk_since LIMIT $2) m)
            + (SELECT count(*) FROM (SELECT FROM cases c WHERE c.entered_by = x.chk_submitter AND c.received_at >= x.chk_since LIMIT $2) m) > $2))),
     c AS (
       INSERT INTO cases (id, number, title, description, category_code, extra, urgency, lng, lat, address, location_source, grid_code, division_code, tier, state,
         handler_user_id, handler_department, reporter_id, reporter_name, reporter_contact, entered_by, anonymous, source, open311_client_id, is_public,
         idempotency_key, rule_trace, received_at, response_due_at, updated_at)
       SELECT id, number, title, description, category_code, extra, urgency, lng, lat, address, location_source, grid_code, division_code, tier, state,
         handler_user_id, handler_department, reporter_id, reporter_name, reporter_contact, entered_by, anonymous, source, open311_client_id, is_public,
         idempotency_key, rule_trace, received_at, response_due_at, received_at
         FROM x, guard WHERE guard.ok ORDER BY n
       RETURNING id),
     ev AS (
       INSERT INTO case_events (case_id, at, actor_id, actor_label, type, from_state, to_state, note, data, is_public)
       SELECT id, ev_at, ev_actor_id, ev_actor_label, ev_type, ev_from, ev_to, ev_note, ev_data, ev_public FROM x ORDER BY n),
     fo AS (INSERT INTO case_followers (case_id, user_id, created_at) SELECT id, follower_id, received_at FROM x WHERE follower_id IS NOT NULL),
     ob AS (INSERT INTO outbox (topic, payload, created_at, available_at) SELECT outbox_topic, outbox_payload, received_at, received_at FROM x WHERE outbox_topic IS NOT NULL ORDER BY n)
     ${audit ? `, ${auditCtes('$3', '$4', '$5')}` : ''}
     SELECT * FROM c`,
    params,
    { name: audit ? 'intake_write_audited' : 'intake_write' },
  );
  if (rows.length !== writes.length) throw new Error(`insertCases wrote ${rows.length} of ${writes.length} cases`);
  return writes.map((w) => w.prepared.row);
}

/**
 * The row a new case has once inserted, without reading it back (the columns the insert leaves to
 * their defaults have the defaults of migration 0003; intake.int.test compares with the stored row).
 */
function newCaseRow(w: CaseWrite): CaseRow {
  const c = w.case;
  return {
    id: w.id,
    number: w.number,
    title: c.title,
    description: c.description,
    categoryCode: c.categoryCode,
    categoryConfirmed: false,
    extra: c.extra,
    urgency: c.urgency,
    lng: c.lng,
    lat: c.lat,
    address: c.address,
    locationSource: c.locationSource ?? null,
    gridCode: c.gridCode,
    divisionCode: c.divisionCode,
    tier: c.tier,
    state: c.state,
    handlerUserId: c.handlerUserId,
    handlerDepartment: c.handlerDepartment,
    reporterId: c.reporterId,
    reporterName: c.reporterName,
    enteredBy: c.enteredBy,
    anonymous: c.anonymous,
    source: c.source,
    isPublic: c.isPublic,
    ruleTrace: c.ruleTrace,
    receivedAt: c.receivedAt,
    ...UNTOUCHED_CASE,
    responseDueAt: c.responseDueAt,
    updatedAt: c.receivedAt,
  };
}

/** `count` new values of the case number sequence, in increasing order (case-numbers.ts reserves them in blocks). */
export async function nextCaseSequences(db: Queryable, count: number): Promise<number[]> {
  const { rows } = await db.query<{ v: number }>(
    "SELECT nextval('case_number_seq') AS v FROM generate_series(1, $1)",
    [count],
    { name: 'case_numbers' },
  );
  return rows.map((x) => Number(x.v)).sort((a, b) => a - b);
}
