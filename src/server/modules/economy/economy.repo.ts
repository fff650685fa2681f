/** SQL of the collective economy: incomes, the threshold, villages and their totals. */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';
import type { IncomeSource } from './economy.labels';

/** Villages are 村委会 (level 5, kind village_committee): what the share counts. */
const VILLAGE = `d.level = 5 AND d.kind = 'village_committee'`;

export async function division(q: Queryable, code: string) {
  const { rows } = await q.query<{ code: string; name: string; kind: string; level: number }>(
    'SELECT code, name, kind, level FROM divisions WHERE code = $1',
    [code],
  );
  return rows[0] ?? null;
}

export async function divisionNames(q: Queryable, codes: readonly string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const { rows } = await q.query<{ code: string; name: string }>(
    'SELECT code, name FROM divisions WHERE code = ANY($1::text[])',
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}

export async function thresholdOf(q: Queryable, countyCode: string): Promise<number | null> {
  const { rows } = await q.query<{ threshold_fen: number }>(
    'SELECT threshold_fen FROM economy_settings WHERE county_code = $1',
    [countyCode],
  );
  return rows[0]?.threshold_fen ?? null;
}

export async function setThreshold(q: Queryable, countyCode: string, fen: number, by: string, now: Date) {
  await q.query(
    `INSERT INTO economy_settings (county_code, threshold_fen, updated_at, updated_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (county_code) DO UPDATE SET threshold_fen = $2, updated_at = $3, updated_by = $4`,
    [countyCode, fen, now, by],
  );
}

/** Every village under `scope` with its total for the year (0 when nothing is entered). */
export async function totalsIn(q: Queryable, scope: string, year: number) {
  const { rows } = await q.query<{ village_code: string; total_fen: number }>(
    `SELECT d.code AS village_code, COALESCE(SUM(i.amount_fen), 0)::int8 AS total_fen
       FROM divisions d LEFT JOIN economy_incomes i ON i.village_code = d.code AND i.year = $2
      WHERE d.code LIKE $1 AND ${VILLAGE}
      GROUP BY d.code ORDER BY d.code`,
    [`${scope}%`, year],
  );
  return rows.map((r) => ({ villageCode: r.village_code, totalFen: Number(r.total_fen) }));
}

export interface VillageIncome {
  code: string;
  name: string;
  amounts: Partial<Record<IncomeSource, number>>;
  totalFen: number;
  updatedAt: Date | null;
}

/** A page of villages under the scopes with their income by source for the year, by code. */
export async function villageIncomes(
  q: Queryable,
  scopes: readonly string[],
  year: number,
  limit: number,
  after: KeyValue[] | null,
  only?: string,
): Promise<VillageIncome[]> {
  const { rows } = await q.query<{
    code: string;
    name: string;
    amounts: Record<string, number> | null;
    total_fen: number;
    updated_at: Date | null;
  }>(
    `SELECT d.code, d.name,
            jsonb_object_agg(i.source, i.amount_fen) FILTER (WHERE i.source IS NOT NULL) AS amounts,
            COALESCE(SUM(i.amount_fen), 0)::int8 AS total_fen, MAX(i.updated_at) AS updated_at
       FROM divisions d LEFT JOIN economy_incomes i ON i.village_code = d.code AND i.year = $2
      WHERE ${VILLAGE} AND d.code LIKE ANY($1::text[]) AND ($3::text IS NULL OR d.code > $3)
        AND ($5::text IS NULL OR d.code = $5)
      GROUP BY d.code, d.name ORDER BY d.code LIMIT $4`,
    [scopes.map((s) => `${s}%`), year, (after?.[0] as string | undefined) ?? null, limit, only ?? null],
  );
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    amounts: Object.fromEntries(Object.entries(r.amounts ?? {}).map(([k, v]) => [k, Number(v)])),
    totalFen: Number(r.total_fen),
    updatedAt: r.updated_at,
  }));
}

export async function incomesOf(q: Queryable, village: string, year: number, lock = false) {
  const { rows } = await q.query<{ source: IncomeSource; amount_fen: number }>(
    `SELECT source, amount_fen FROM economy_incomes WHERE village_code = $1 AND year = $2 ORDER BY source
     ${lock ? 'FOR UPDATE' : ''}`,
    [village, year],
  );
  return Object.fromEntries(rows.map((r) => [r.source, Number(r.amount_fen)])) as Partial<Record<IncomeSource, number>>;
}

export async function upsertIncome(
  q: Queryable,
  r: { village: string; year: number; source: IncomeSource; amountFen: number; note: string; by: string | null },
  now: Date,
  isDemo = false,
) {
  await q.query(
    `INSERT INTO economy_incomes (village_code, year, source, amount_fen, note, is_demo, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (village_code, year, source) DO UPDATE
       SET amount_fen = EXCLUDED.amount_fen, note = EXCLUDED.note, updated_at = EXCLUDED.updated_at,
           updated_by = EXCLUDED.updated_by`,
    [r.village, r.year, r.source, r.amountFen, r.note, isDemo, now, r.by],
  );
}

/** Many demo rows in one statement (village, year, source, amount). */
export async function insertDemoIncomes(
  q: Queryable,
  rows: readonly { village: string; year: number; source: IncomeSource; amountFen: number }[],
  now: Date,
) {
  await q.query(
    `INSERT INTO economy_incomes (village_code, year, source, amount_fen, note, is_demo, updated_at)
     SELECT v, y, s, a, '演示数据', true, $5
       FROM unnest($1::text[], $2::int2[], $3::text[], $4::int8[]) AS t(v, y, s, a)
     ON CONFLICT (village_code, year, source) DO NOTHING`,
    [rows.map((r) => r.village), rows.map((r) => r.year), rows.map((r) => r.source), rows.map((r) => r.amountFen), now],
  );
}

/** Levels and kinds of division codes (import checks). */
export async function villageKinds(q: Queryable, codes: readonly string[]) {
  const { rows } = await q.query<{ code: string; name: string; ok: boolean }>(
    `SELECT d.code, d.name, (${VILLAGE}) AS ok FROM divisions d WHERE d.code = ANY($1::text[])`,
    [codes],
  );
  return new Map(rows.map((r) => [r.code, r]));
}

/** The villages whose totals the demo fills: every 村委会 of a county. */
export async function villageCodesIn(q: Queryable, scope: string) {
  const { rows } = await q.query<{ code: string }>(
    `SELECT d.code FROM divisions d WHERE d.code LIKE $1 AND ${VILLAGE} ORDER BY d.code`,
    [`${scope}%`],
  );
  return rows.map((r) => r.code);
}

export async function demoIncomeExists(q: Queryable, scope: string) {
  const { rows } = await q.query('SELECT 1 FROM economy_incomes WHERE village_code LIKE $1 AND is_demo LIMIT 1', [
    `${scope}%`,
  ]);
  return rows.length > 0;
}

/** The villages a resident belongs to: their household's, and the home place they chose. */
export async function placesOfUser(q: Queryable, userId: string): Promise<string[]> {
  const { rows } = await q.query<{ code: string }>(
    `SELECT left(r.household_code, 12) AS code FROM users u
       JOIN residents r ON r.id = u.resident_id OR r.phone_index = u.phone_index WHERE u.id = $1
     UNION SELECT left(home_division_code, 12) FROM users WHERE id = $1 AND length(home_division_code) >= 12`,
    [userId],
  );
  return rows.map((r) => r.code).sort();
}
