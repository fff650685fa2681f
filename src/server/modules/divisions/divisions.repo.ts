import type { Queryable } from '../../platform/db/db';
import type { Division, DivisionKind } from './divisions.domain';

interface Row {
  code: string;
  name: string;
  kind: DivisionKind;
  level: number;
  parent_code: string | null;
  child_count: number;
}

const toDivision = (r: Row): Division => ({
  code: r.code,
  name: r.name,
  kind: r.kind,
  level: Number(r.level),
  parentCode: r.parent_code,
  childCount: Number(r.child_count),
});

const COLUMNS = 'code, name, kind, level, parent_code, child_count';

export async function findDivision(q: Queryable, code: string): Promise<Division | null> {
  const { rows } = await q.query<Row>(`SELECT ${COLUMNS} FROM divisions WHERE code = $1`, [code]);
  return rows[0] ? toDivision(rows[0]) : null;
}

export async function listChildren(q: Queryable, code: string): Promise<Division[]> {
  const { rows } = await q.query<Row>(`SELECT ${COLUMNS} FROM divisions WHERE parent_code = $1 ORDER BY code`, [code]);
  return rows.map(toDivision);
}

export async function findDivisions(q: Queryable, codes: readonly string[]): Promise<Division[]> {
  if (codes.length === 0) return [];
  const { rows } = await q.query<Row>(`SELECT ${COLUMNS} FROM divisions WHERE code = ANY($1::text[]) ORDER BY code`, [
    codes,
  ]);
  return rows.map(toDivision);
}

export interface NewDivision {
  code: string;
  name: string;
  kind: DivisionKind;
  level: number;
  parentCode: string | null;
}

/** Upserts a batch (parents must come first or already exist). */
export async function upsertDivisions(q: Queryable, batch: readonly NewDivision[]): Promise<void> {
  if (batch.length === 0) return;
  await q.query(
    `INSERT INTO divisions (code, name, kind, level, parent_code)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::smallint[], $5::text[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code`,
    [
      batch.map((d) => d.code),
      batch.map((d) => d.name),
      batch.map((d) => d.kind),
      batch.map((d) => d.level),
      batch.map((d) => d.parentCode),
    ],
  );
}

/** Recomputes child counts under a prefix (all when omitted); only rows whose count changed are written. */
export async function refreshChildCounts(q: Queryable, prefix = ''): Promise<void> {
  await q.query(
    `WITH counts AS (
       SELECT p.code, count(c.code)::int AS n
         FROM divisions p LEFT JOIN divisions c ON c.parent_code = p.code
        WHERE p.code LIKE $1 GROUP BY p.code)
     UPDATE divisions d SET child_count = counts.n FROM counts
      WHERE d.code = counts.code AND d.child_count IS DISTINCT FROM counts.n`,
    [`${prefix}%`],
  );
}

/** Counts of the subtree below `code` by kind (for the console's tree browser). */
export async function countSubtreeByKind(q: Queryable, code: string): Promise<Record<string, number>> {
  const { rows } = await q.query<{ kind: string; n: number }>(
    `SELECT kind, count(*)::int AS n FROM divisions WHERE code LIKE $1 AND code <> $2 GROUP BY kind`,
    [`${code}%`, code],
  );
  return Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]));
}

/** A county department, unless one with its code exists (names may have been edited since). */
export async function insertDepartment(
  q: Queryable,
  d: { code: string; name: string; nameEn: string; countyCode: string },
): Promise<void> {
  await q.query(
    'INSERT INTO departments (code, name, name_en, scope_code) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO NOTHING',
    [d.code, d.name, d.nameEn, d.countyCode],
  );
}

/** Marks the grids of a county as demo data (the synthetic population's grids). */
export async function markDemoGrids(q: Queryable, countyCode: string): Promise<void> {
  await q.query('UPDATE divisions SET is_demo = true WHERE level = 6 AND code LIKE $1', [`${countyCode}%`]);
}

/** Recounts the children (grids) of the villages of a county after grids were added. */
export async function refreshVillageChildCounts(q: Queryable, countyCode: string): Promise<void> {
  await q.query(
    `UPDATE divisions d SET child_count = (SELECT count(*) FROM divisions c WHERE c.parent_code = d.code) WHERE d.level = 5 AND d.code LIKE $1`,
    [`${countyCode}%`],
  );
}

/** The county-level units (level 3) under a code prefix, in code order. */
export async function countiesUnder(q: Queryable, prefix: string): Promise<string[]> {
  const { rows } = await q.query<{ code: string }>(
    `SELECT code FROM divisions WHERE level = 3 AND code LIKE $1 || '%' ORDER BY code`,
    [prefix],
  );
  return rows.map((r) => r.code);
}
