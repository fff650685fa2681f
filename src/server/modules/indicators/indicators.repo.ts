/**
 * The indicator queries: ONE aggregate per request (GROUP BY the dimension, a FILTER clause per
 * count), and the drill-down list behind one figure. Both use the same measure predicates, so a
 * count and its list can never disagree. Parameters: $1 scope prefix, $2 from, $3 to (exclusive),
 * $4 departments (null: all).
 */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';
import { type Counts, COUNT_KEYS, type DayCounts, type Dimension, type Measure } from './indicators.domain';

const inPeriod = (column: string) => `(${column} >= $2 AND ${column} < $3)`;
const RECEIVED = inPeriod('received_at');
const FILED = inPeriod('filed_at');
const DUE = inPeriod('handle_due_at');
const CLOSED = inPeriod('closed_at');
const RESPONDED_IN_TIME = '(responded_at IS NOT NULL AND responded_at <= response_due_at)';

/** Each measure as a predicate over one row of `cases`. */
export const MEASURE_SQL: Record<Measure, string> = {
  received: RECEIVED,
  filed: FILED,
  due: DUE,
  due_closed: `${DUE} AND closed_at IS NOT NULL`,
  suspended: `${DUE} AND ever_suspended`,
  on_time: `${DUE} AND NOT ever_suspended AND closed_on_time IS TRUE`,
  overdue: `${DUE} AND NOT ever_suspended AND closed_on_time IS NOT TRUE`,
  closed: CLOSED,
  rework: `${CLOSED} AND rework_count > 0`,
  responded: `${RECEIVED} AND ${RESPONDED_IN_TIME}`,
  not_responded: `${RECEIVED} AND NOT ${RESPONDED_IN_TIME}`,
  resolved: `${FILED} AND state = 'closed'`,
  unresolved: `${FILED} AND state <> 'closed'`,
  rated: `${CLOSED} AND rating IS NOT NULL`,
  satisfied: `${CLOSED} AND rating >= 4`,
  dissatisfied: `${CLOSED} AND rating <= 3`,
};

/** Which measure each count counts (handlingHours is a sum over `closed`). */
const COUNT_MEASURE: Record<Exclude<keyof Counts, 'handlingHours'>, Measure> = {
  received: 'received',
  filed: 'filed',
  due: 'due',
  dueClosed: 'due_closed',
  dueSuspended: 'suspended',
  dueOnTime: 'on_time',
  closed: 'closed',
  closedReworked: 'rework',
  receivedResponded: 'responded',
  filedResolved: 'resolved',
  rated: 'rated',
  ratedSatisfied: 'satisfied',
};

/** The grouping key of each dimension. */
export const KEY_SQL: Record<Dimension, string> = {
  grid: 'grid_code',
  village: 'left(division_code, 12)',
  town: 'left(division_code, 9)',
  department: 'handler_department',
  category: 'category_code',
};

const NAME_JOIN: Record<Dimension, string> = {
  grid: 'LEFT JOIN divisions n ON n.code = g.key',
  village: 'LEFT JOIN divisions n ON n.code = g.key',
  town: 'LEFT JOIN divisions n ON n.code = g.key',
  department: 'LEFT JOIN departments n ON n.code = g.key',
  category: 'LEFT JOIN categories n ON n.code = g.key',
};

export interface Slice {
  /** Division code prefix (the scope's subtree). */
  scope: string;
  from: Date;
  to: Date;
  /** Only cases of these handling departments; null for all. */
  departments: string[] | null;
}

export interface GroupCounts extends Counts {
  key: string | null;
  name: string | null;
  nameEn: string | null;
}

const sliceWhere = `division_code LIKE $1 || '%' AND ($4::text[] IS NULL OR handler_department = ANY($4::text[]))`;
const sliceParams = (s: Slice) => [s.scope, s.from.toISOString(), s.to.toISOString(), s.departments];

/** The counts per group: one query. Groups with nothing in the period are absent. */
export async function countByGroup(q: Queryable, dimension: Dimension, s: Slice): Promise<GroupCounts[]> {
  const counts = COUNT_KEYS.filter((k) => k !== 'handlingHours').map(
    (k) => `count(*) FILTER (WHERE ${MEASURE_SQL[COUNT_MEASURE[k]]})::int AS "${k}"`,
  );
  const hours = `coalesce(sum(extract(epoch FROM closed_at - filed_at)) FILTER (WHERE ${CLOSED}), 0)::float8 / 3600 AS "handlingHours"`;
  const { rows } = await q.query<GroupCounts>(
    `SELECT g.*, n.name AS name, ${dimension === 'department' || dimension === 'category' ? 'n.name_en' : 'NULL::text'} AS "nameEn"
       FROM (SELECT ${KEY_SQL[dimension]} AS key, ${[...counts, hours].join(', ')}
               FROM cases
              WHERE ${sliceWhere} AND (${RECEIVED} OR ${FILED} OR ${DUE} OR ${CLOSED})
              GROUP BY 1) g
       ${NAME_JOIN[dimension]}
      ORDER BY g.key`,
    sliceParams(s),
  );
  return rows.map((r) => ({ ...r, handlingHours: Number(r.handlingHours) }));
}

export interface CaseLine {
  id: string;
  number: string;
  title: string;
  state: string;
  categoryCode: string;
  divisionCode: string;
  gridCode: string | null;
  handlerDepartment: string | null;
  receivedAt: Date;
  respondedAt: Date | null;
  filedAt: Date | null;
  handleDueAt: Date | null;
  closedAt: Date | null;
  closedOnTime: boolean | null;
  everSuspended: boolean;
  reworkCount: number;
  rating: number | null;
}

/** The drill-down's order: by time received, then number. */
export const caseLineKey = (c: CaseLine) => [c.receivedAt, c.number] as const;

/** The cases behind one figure: a group (key null: the unassigned group) and a measure, after the key `after`. */
export async function listMeasure(
  q: Queryable,
  dimension: Dimension,
  key: string | null,
  measure: Measure,
  s: Slice,
  limit: number,
  after: readonly KeyValue[] | null,
): Promise<CaseLine[]> {
  const [at, number] = after ?? [null, null];
  const { rows } = await q.query<CaseLine>(
    `SELECT id, number, title, state, category_code AS "categoryCode", division_code AS "divisionCode", grid_code AS "gridCode",
            handler_department AS "handlerDepartment", received_at AS "receivedAt", responded_at AS "respondedAt", filed_at AS "filedAt",
            handle_due_at AS "handleDueAt", closed_at AS "closedAt", closed_on_time AS "closedOnTime", ever_suspended AS "everSuspended",
            rework_count AS "reworkCount", rating
       FROM cases
      WHERE ${sliceWhere} AND ${KEY_SQL[dimension]} IS NOT DISTINCT FROM $5 AND ${MEASURE_SQL[measure]}
        AND ($7::timestamptz IS NULL OR (received_at, number) > ($7::timestamptz, $8::text))
      ORDER BY received_at, number LIMIT $6`,
    [...sliceParams(s), key, limit, at, number],
  );
  return rows;
}

/** The name of a division (for the scope line of the ledger). */
export async function divisionName(q: Queryable, code: string): Promise<string | null> {
  const { rows } = await q.query<{ name: string }>('SELECT name FROM divisions WHERE code = $1', [code]);
  return rows[0]?.name ?? null;
}

/**
 * The counts of each day of the slice's period (day 0 = its first day; the period starts at a CST
 * midnight), in one scan: each case counts on the day of each of its times (received, due, closed)
 * with the same measure predicates as the table. Days with nothing are absent.
 */
export async function countByDay(q: Queryable, s: Slice): Promise<(DayCounts & { day: number })[]> {
  const on = (kind: string, measure: Measure) =>
    `count(*) FILTER (WHERE v.kind = '${kind}' AND ${MEASURE_SQL[measure]})::int`;
  const { rows } = await q.query<DayCounts & { day: number }>(
    `SELECT floor(extract(epoch FROM v.at - $2::timestamptz) / 86400)::int AS day,
            ${on('r', 'received')} AS received, ${on('c', 'closed')} AS closed, ${on('d', 'due')} AS due,
            ${on('d', 'suspended')} AS "dueSuspended", ${on('d', 'on_time')} AS "dueOnTime",
            ${on('c', 'rated')} AS rated, ${on('c', 'satisfied')} AS "ratedSatisfied"
       FROM cases CROSS JOIN LATERAL (VALUES ('r', received_at), ('d', handle_due_at), ('c', closed_at)) AS v(kind, at)
      WHERE ${sliceWhere} AND (${RECEIVED} OR ${DUE} OR ${CLOSED}) AND v.at >= $2 AND v.at < $3
      GROUP BY 1`,
    sliceParams(s),
  );
  return rows;
}
