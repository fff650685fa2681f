/** The register import's and export's SQL: prefetched lookups for the row checks, and the export reads. */
import type { Queryable } from '../../platform/db/db';
import { EXPORTED_SHEETS, type ExportedSheet } from './organisation.labels';
import type { SheetKind } from './organisation.write';

const likeAny = (scopes: readonly string[]) => scopes.map((s) => `${s}%`);

/** The codes of a table under any of `scopes` (checked by the caller: one of these fixed tables). */
export async function codesUnder(
  q: Queryable,
  table: 'divisions' | 'buildings' | 'households',
  scopes: readonly string[],
): Promise<Set<string>> {
  const { rows } = await q.query<{ code: string }>(`SELECT code FROM ${table} WHERE code LIKE ANY($1::text[])`, [
    likeAny(scopes),
  ]);
  return new Set(rows.map((r) => r.code));
}

/** The party organisations attached under any of `scopes`. */
export async function partyOrgCodesUnder(q: Queryable, scopes: readonly string[]): Promise<Set<string>> {
  const { rows } = await q.query<{ code: string }>(
    'SELECT code FROM party_orgs WHERE division_code LIKE ANY($1::text[])',
    [likeAny(scopes)],
  );
  return new Set(rows.map((r) => r.code));
}

/** The household of the resident with this ID-number blind index, or null. */
export async function householdOfIdIndex(q: Queryable, idIndex: string): Promise<string | null> {
  const { rows } = await q.query<{ household_code: string }>(
    'SELECT household_code FROM residents WHERE id_index = $1',
    [idIndex],
  );
  return rows[0]?.household_code ?? null;
}

/** The party member record of the resident with this ID-number blind index, or null. */
export async function partyMemberOfIdIndex(q: Queryable, idIndex: string): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    'SELECT m.id FROM residents r JOIN party_members m ON m.resident_id = r.id WHERE r.id_index = $1',
    [idIndex],
  );
  return rows[0]?.id ?? null;
}

const EXPORTS: Record<ExportedSheet, string> = {
  grids: `SELECT d.code, d.name, a.polygon::text AS polygon FROM divisions d LEFT JOIN grid_areas a ON a.grid_code = d.code WHERE d.level = 6 AND d.code LIKE $1 ORDER BY d.code`,
  buildings:
    'SELECT code, name, compound_code AS "compoundCode", lng, lat FROM buildings WHERE code LIKE $1 ORDER BY code',
  households: 'SELECT code, address, lng, lat FROM households WHERE code LIKE $1 ORDER BY code',
};

export const exportable = (sheet: SheetKind): sheet is ExportedSheet =>
  (EXPORTED_SHEETS as readonly SheetKind[]).includes(sheet);

/**
 * Every row of a register under `scope`, in the register's columns, for an export: a whole file by
 * nature (the spreadsheet is streamed out, and an export that stopped at a cap would be wrong).
 */
export async function exportRows(
  q: Queryable,
  sheet: ExportedSheet,
  scope: string,
): Promise<Record<string, unknown>[]> {
  const { rows } = await q.query<Record<string, unknown>>(EXPORTS[sheet], [`${scope}%`]);
  return rows;
}
