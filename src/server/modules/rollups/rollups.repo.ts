/**
 * The rollup's writes and reads: applying changed cases (deltas against their recorded facts) to
 * every grain, rebuilding from the raw cases, the difference between rollup and raw, and the sums a
 * panel reads (from the village grain when it can, else the fine one).
 */
import type { Queryable } from '../../platform/db/db';
import type { Dimension } from '../indicators';
import {
  contributions,
  FACT_COLUMNS,
  FACT_VALUE_COLUMNS,
  factsOfCases,
  FINE,
  type Grain,
  GRAINS,
  inDays,
  inSpan,
  KEY_COLUMNS,
  MONTH,
  TOWN_CATEGORY_DAY,
  TOWN_CATEGORY_MONTH,
  TOWN_DEPARTMENT_DAY,
  TOWN_DEPARTMENT_MONTH,
  byKeys,
  regroup,
  SUMS,
  VILLAGE,
} from './facts.repo';
import { FIGURE_COLUMNS, type DayRange, type Figure, type KeyDifference, wholeMonths } from './rollups.domain';

const FIGURES = FIGURE_COLUMNS.join(', ');

/** Adds the deltas (fine keys and figures) to a grain; groups whose deltas are all zero are skipped. */
const upsertDeltas = (g: Grain, deltas: string) => `
  INSERT INTO ${g.table} (${g.keys.join(', ')}, ${FIGURES})
  ${regroup(g, deltas)}
  HAVING ${FIGURE_COLUMNS.map((c) => `sum(${c}) <> 0`).join(' OR ')}
   ${byKeys(g)}
  ON CONFLICT (${g.keys.join(', ')}) DO UPDATE SET ${FIGURE_COLUMNS.map((c) => `${c} = ${g.table}.${c} + EXCLUDED.${c}`).join(', ')}`;

/**
 * Brings the rollup up to date for these cases, in the caller's transaction: each case's recorded
 * facts (locked, in id order) are taken away and its facts now added, then recorded. Applying a case
 * that has not changed adds nothing, so a message delivered twice or late counts once.
 */
export async function applyCases(tx: Queryable, caseIds: readonly string[]): Promise<void> {
  if (caseIds.length === 0) return;
  const ids = [...new Set(caseIds)].sort();
  await tx.query(
    `INSERT INTO case_rollup_facts (case_id) SELECT unnest($1::uuid[]) ORDER BY 1 ON CONFLICT (case_id) DO NOTHING`,
    [ids],
  );
  // Locked before the cases are read (a later statement, so it sees every change committed before it).
  await tx.query('SELECT 1 FROM case_rollup_facts WHERE case_id = ANY($1::uuid[]) ORDER BY case_id FOR UPDATE', [ids]);
  const recorded = `SELECT ${FACT_COLUMNS} FROM case_rollup_facts WHERE case_id = ANY($1::uuid[])`;
  await tx.query(
    `WITH now AS MATERIALIZED (${factsOfCases('c.id = ANY($1::uuid[])')}),
          d AS MATERIALIZED (${contributions('SELECT * FROM now')} UNION ALL ${contributions(recorded, -1)}),
          ${GRAINS.map((g, i) => `up${i} AS (${upsertDeltas(g, 'SELECT * FROM d')})`).join(',\n          ')}
     UPDATE case_rollup_facts r SET (${FACT_VALUE_COLUMNS}) = (SELECT ${FACT_VALUE_COLUMNS} FROM now WHERE now.case_id = r.case_id)
      WHERE r.case_id = ANY($1::uuid[])`,
    [ids],
  );
  // a case that no longer exists has had its facts taken away and set to NULLs above
  await tx.query(
    'DELETE FROM case_rollup_facts r WHERE r.case_id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = r.case_id)',
    [ids],
  );
}

/** Keeps appliers out until the caller's transaction ends (they wait; reads go on). */
export async function lockRollups(tx: Queryable): Promise<void> {
  await tx.query(`LOCK TABLE case_rollup_facts, ${GRAINS.map((g) => g.table).join(', ')} IN EXCLUSIVE MODE`);
}

/** Writes the grains above the fine one from the fine rows of their periods touching the days [$1, $2). */
async function regroupDays(tx: Queryable, range: DayRange): Promise<void> {
  for (const g of GRAINS.filter((x) => x !== FINE))
    await tx.query(
      `INSERT INTO ${g.table} (${g.keys.join(', ')}, ${FIGURES})
       ${regroup(g, `SELECT * FROM ${FINE.table}`, inSpan(g, 's.day', 1, 2))} ${byKeys(g)}`,
      [range.from, range.to],
    );
}

/** Whether this database subscribes to rollups (a province installation: its rows are the counties'). */
export async function receivesRollups(q: Queryable): Promise<boolean> {
  const { rows } = await q.query(
    'SELECT 1 FROM pg_subscription WHERE subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())',
  );
  return rows.length > 0;
}

/** Recomputes everything from the raw cases: every case's facts, and the rollup from them. */
export async function rebuildAll(tx: Queryable): Promise<{ cases: number; rows: number }> {
  // A published grain (a county feeding its province) is emptied row by row: a TRUNCATE is not
  // replicated (the publication leaves it out: the province holds other counties' rows too).
  const { rows: published } = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM pg_publication_tables WHERE schemaname = current_schema() AND tablename = ANY($1::text[])',
    [GRAINS.map((g) => g.table)],
  );
  if (published[0].n > 0) for (const g of GRAINS) await tx.query(`DELETE FROM ${g.table}`);
  await tx.query(`TRUNCATE case_rollup_facts${published[0].n > 0 ? '' : `, ${GRAINS.map((g) => g.table).join(', ')}`}`);
  const facts = await tx.query(`INSERT INTO case_rollup_facts (${FACT_COLUMNS}) ${factsOfCases()}`);
  const rows = await tx.query(
    `INSERT INTO ${FINE.table} (${KEY_COLUMNS}, ${FIGURES})
     ${regroup(FINE, contributions('SELECT * FROM case_rollup_facts'))} ${byKeys(FINE)}`,
  );
  await regroupDays(tx, { from: null, to: null });
  return { cases: facts.rowCount, rows: rows.rowCount };
}

/** The cases whose recorded facts differ from their facts now (or that one side lacks). */
export async function staleCases(q: Queryable): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT case_id AS id FROM ((${factsOfCases()}) EXCEPT (SELECT ${FACT_COLUMNS} FROM case_rollup_facts)) a
     UNION
     SELECT case_id FROM ((SELECT ${FACT_COLUMNS} FROM case_rollup_facts) EXCEPT (${factsOfCases()})) b`,
  );
  return rows.map((r) => r.id);
}

/**
 * Recomputes every grain's rows of the days in `range` (the month grain: of every month they touch)
 * from the recorded facts, which the caller has brought up to date.
 */
export async function rebuildDays(tx: Queryable, range: DayRange): Promise<{ rows: number }> {
  for (const g of GRAINS)
    await tx.query(`DELETE FROM ${g.table} WHERE ${inSpan(g, g.time, 1, 2)}`, [range.from, range.to]);
  const { rowCount } = await tx.query(
    `INSERT INTO ${FINE.table} (${KEY_COLUMNS}, ${FIGURES})
     ${regroup(FINE, contributions('SELECT * FROM case_rollup_facts'), inDays('s.day', 1, 2))} ${byKeys(FINE)}`,
    [range.from, range.to],
  );
  await regroupDays(tx, range);
  return { rows: rowCount };
}

/** How a grain's key reads as a KeyDifference's key ('*': every one of them). */
const KEY_AS: Record<string, string> = {
  [FINE.table]: `division_code AS "divisionCode", grid_code AS "gridCode", category_code AS "categoryCode", department_code AS "departmentCode"`,
  [VILLAGE.table]: `village_code AS "divisionCode", '*' AS "gridCode", '*' AS "categoryCode", '*' AS "departmentCode"`,
  [MONTH.table]: `town_code AS "divisionCode", '*' AS "gridCode", category_code AS "categoryCode", department_code AS "departmentCode"`,
  [TOWN_CATEGORY_DAY.table]: `town_code AS "divisionCode", '*' AS "gridCode", category_code AS "categoryCode", '*' AS "departmentCode"`,
  [TOWN_CATEGORY_MONTH.table]: `town_code AS "divisionCode", '*' AS "gridCode", category_code AS "categoryCode", '*' AS "departmentCode"`,
  [TOWN_DEPARTMENT_DAY.table]: `town_code AS "divisionCode", '*' AS "gridCode", '*' AS "categoryCode", department_code AS "departmentCode"`,
  [TOWN_DEPARTMENT_MONTH.table]: `town_code AS "divisionCode", '*' AS "gridCode", '*' AS "categoryCode", department_code AS "departmentCode"`,
};

/**
 * Every key of every grain for the days in `range` (the month grain: every month they touch) whose
 * figures in the rollup differ from a GROUP BY over the raw cases (a missing row reads as zeros), by
 * grain (fine, village, month), then place, time and key.
 */
export async function differences(q: Queryable, range: DayRange): Promise<KeyDifference[]> {
  const figures = (side: string) =>
    `jsonb_build_object(${FIGURE_COLUMNS.map((c) => `'${c}', coalesce(${side}.${c}, 0)`).join(', ')})`;
  const compare = (g: Grain, i: number) => `(
     SELECT ${i} AS i, '${g.name}' AS grain, to_char(${g.time}, 'YYYY-MM-DD') AS day, ${KEY_AS[g.table]},
            ${figures('roll')} AS rollup, ${figures('raw')} AS raw
       FROM (${regroup(g, 'SELECT * FROM raw_fine', inSpan(g, 's.day', 1, 2))}) raw
       FULL JOIN (SELECT * FROM ${g.table} WHERE ${inSpan(g, g.time, 1, 2)}) roll USING (${g.keys.join(', ')})
      WHERE (${FIGURE_COLUMNS.map((c) => `coalesce(raw.${c}, 0)`).join(', ')})
            IS DISTINCT FROM (${FIGURE_COLUMNS.map((c) => `coalesce(roll.${c}, 0)`).join(', ')}))`;
  const { rows } = await q.query<KeyDifference & { i: number }>(
    `WITH raw_fine AS MATERIALIZED (${regroup(FINE, contributions(factsOfCases()), inSpan(MONTH, 's.day', 1, 2))})
     ${GRAINS.map(compare).join(' UNION ALL ')}
     ORDER BY 1, 4, 3, 5, 6, 7`,
    [range.from, range.to],
  );
  return rows.map(({ i: _, ...d }) => d);
}

/** How many rollup messages wait for delivery (their changes are not in the rollup yet). */
export async function pendingChanges(q: Queryable): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM outbox WHERE topic = 'rollups.cases_changed' AND processed_at IS NULL`,
  );
  return rows[0].n;
}

/** The grouping key of each dimension over fine rows (null: no grid / no department). */
const FINE_KEY: Record<Dimension, string> = {
  grid: "nullif(grid_code, '')",
  village: 'left(division_code, 12)',
  town: 'left(division_code, 9)',
  department: "nullif(department_code, '')",
  category: 'category_code',
};
/** … over village rows, and over month rows, for the dimensions each can answer. */
const VILLAGE_KEY: Partial<Record<Dimension, string>> = { village: 'village_code', town: 'left(village_code, 9)' };
const MONTH_KEY: Partial<Record<Dimension, string>> = { town: 'town_code', category: 'category_code' };

const NAMES: Record<Dimension, string> = {
  grid: 'LEFT JOIN divisions n ON n.code = g.key',
  village: 'LEFT JOIN divisions n ON n.code = g.key',
  town: 'LEFT JOIN divisions n ON n.code = g.key',
  department: 'LEFT JOIN departments n ON n.code = g.key',
  category: 'LEFT JOIN categories n ON n.code = g.key',
};

export interface RollupSlice {
  /** Division code prefix (the scope's subtree). */
  scope: string;
  /** Days [from, to) in China Standard Time. */
  from: string;
  to: string;
  /** Only these handling departments; null for all. */
  departments: string[] | null;
}

export interface GroupSums {
  key: string | null;
  name: string | null;
  nameEn: string | null;
  sums: Record<Figure, number>;
}

const DEPARTMENTS = '($4::text[] IS NULL OR department_code = ANY($4::text[]))';

/**
 * The rows a slice is summed from (columns key and FIGURE_COLUMNS; $1 scope, $2 and $3 the days, $4
 * the departments), from the smallest rows that answer it:
 * - towns or villages of a place no smaller than a village, every department: the village grain;
 * - departments of a place no smaller than a town: the town × department grains (month rows for the
 *   period's whole months $5..$6, day rows for its other days);
 * - categories of a place no smaller than a town, every department: the town × category grains, alike;
 * - towns or categories of a place no smaller than a town, some departments: the month grain (town ×
 *   category × department) for the whole months and the fine grain for the other days;
 * - anything else (grids, a village's scope): the fine grain.
 */
function rowsOf(dimension: Dimension, s: RollupSlice): { sql: string; params: unknown[] } {
  const villageKey = VILLAGE_KEY[dimension];
  const base = [s.scope, s.from, s.to, s.departments];
  if (villageKey && s.departments === null && s.scope.length <= 12)
    return {
      sql: `SELECT ${villageKey} AS key, ${FIGURES} FROM ${VILLAGE.table}
             WHERE village_code LIKE $1 || '%' AND day >= $2::date AND day < $3::date AND $4::text[] IS NULL`,
      params: base,
    };
  const fine = (days: string) => `SELECT ${FINE_KEY[dimension]} AS key, ${FIGURES} FROM ${FINE.table}
             WHERE division_code LIKE $1 || '%' AND ${days} AND ${DEPARTMENTS}`;
  if (s.scope.length > 9) return { sql: fine('day >= $2::date AND day < $3::date'), params: base };
  const months = wholeMonths(s);
  const params = [...base, months.from, months.to];
  const edges = '((day >= $2::date AND day < $5::date) OR (day >= $6::date AND day < $3::date))';
  const town = (monthly: Grain, daily: Grain, key: string, where: string) => ({
    sql: `SELECT ${key} AS key, ${FIGURES} FROM ${monthly.table}
           WHERE town_code LIKE $1 || '%' AND month >= $5::date AND month < $6::date AND ${where}
          UNION ALL
          SELECT ${key} AS key, ${FIGURES} FROM ${daily.table}
           WHERE town_code LIKE $1 || '%' AND ${edges} AND ${where}`,
    params,
  });
  if (dimension === 'department')
    return town(TOWN_DEPARTMENT_MONTH, TOWN_DEPARTMENT_DAY, "nullif(department_code, '')", DEPARTMENTS);
  if (dimension === 'category' && s.departments === null)
    return town(TOWN_CATEGORY_MONTH, TOWN_CATEGORY_DAY, 'category_code', '$4::text[] IS NULL');
  const monthKey = MONTH_KEY[dimension];
  if (!monthKey) return { sql: fine('day >= $2::date AND day < $3::date'), params: base };
  return {
    sql: `SELECT ${monthKey} AS key, ${FIGURES} FROM ${MONTH.table}
           WHERE town_code LIKE $1 || '%' AND month >= $5::date AND month < $6::date AND ${DEPARTMENTS}
          UNION ALL
          ${fine(edges)}`,
    params,
  };
}

/** The figures per group for a slice: one query over the rollup. Groups with nothing in the period are absent. */
export async function sumByGroup(q: Queryable, dimension: Dimension, s: RollupSlice): Promise<GroupSums[]> {
  const from = rowsOf(dimension, s);
  const { rows } = await q.query<GroupSums>(
    `SELECT g.key, n.name, ${dimension === 'department' || dimension === 'category' ? 'n.name_en' : 'NULL::text'} AS "nameEn",
            jsonb_build_object(${FIGURE_COLUMNS.map((c) => `'${c}', g.${c}`).join(', ')}) AS sums
       FROM (SELECT key, ${SUMS} FROM (${from.sql}) r
              GROUP BY 1
             HAVING sum(received) + sum(filed) + sum(due) + sum(closed) > 0) g
       ${NAMES[dimension]}
      ORDER BY g.key`,
    from.params,
  );
  return rows.map((r) => ({ ...r, sums: numbers(r.sums) }));
}

/** jsonb numbers may arrive as strings (numeric sums): every figure as a number. */
const numbers = (sums: Record<Figure, number | string>) =>
  Object.fromEntries(FIGURE_COLUMNS.map((c) => [c, Number(sums[c])])) as Record<Figure, number>;

export async function divisionName(q: Queryable, code: string): Promise<string | null> {
  const { rows } = await q.query<{ name: string }>('SELECT name FROM divisions WHERE code = $1', [code]);
  return rows[0]?.name ?? null;
}
