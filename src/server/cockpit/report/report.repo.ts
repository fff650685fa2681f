/** SQL of the stored monthly reports (migrations/0033_cockpit_reports.sql). */
import type { Queryable } from '../../platform/db/db';

export interface StoredReportRow {
  id: string;
  placeCode: string;
  placeName: string;
  month: string;
  pages: number;
  bytes: number;
  generatedAt: Date;
}

const COLUMNS = `r.id, r.place_code AS "placeCode", d.name AS "placeName", to_char(r.month, 'YYYY-MM') AS month,
  r.pages, octet_length(r.pdf) AS bytes, r.generated_at AS "generatedAt"`;

/** Of these places, those without a stored report for the month (its first day). */
export async function placesWithoutReport(q: Queryable, places: readonly string[], month: string): Promise<string[]> {
  const { rows } = await q.query<{ code: string }>(
    `SELECT p.code FROM unnest($1::text[]) WITH ORDINALITY AS p(code, n)
      WHERE NOT EXISTS (SELECT 1 FROM cockpit_reports r WHERE r.place_code = p.code AND r.month = $2::date)
      ORDER BY p.n`,
    [places, month],
  );
  return rows.map((r) => r.code);
}

/** Stores a report (a second one for the same place and month is ignored: false). */
export async function insertReport(
  q: Queryable,
  r: { placeCode: string; month: string; pdf: Buffer; pages: number; generatedAt: Date },
): Promise<boolean> {
  const { rowCount } = await q.query(
    `INSERT INTO cockpit_reports (place_code, month, pdf, pages, generated_at) VALUES ($1, $2::date, $3, $4, $5)
     ON CONFLICT (place_code, month) DO NOTHING`,
    [r.placeCode, r.month, r.pdf, r.pages, r.generatedAt],
  );
  return rowCount > 0;
}

/** The stored reports of places under `scope`, newest month first, then by place. */
export async function listReports(q: Queryable, scope: string, limit: number): Promise<StoredReportRow[]> {
  const { rows } = await q.query<StoredReportRow>(
    `SELECT ${COLUMNS} FROM cockpit_reports r JOIN divisions d ON d.code = r.place_code
      WHERE r.place_code LIKE $1 || '%' ORDER BY r.month DESC, r.place_code LIMIT $2`,
    [scope, limit],
  );
  return rows.map((r) => ({ ...r, bytes: Number(r.bytes) }));
}

export async function findReport(q: Queryable, id: string): Promise<(StoredReportRow & { pdf: Buffer }) | null> {
  const { rows } = await q.query<StoredReportRow & { pdf: Buffer | Uint8Array }>(
    `SELECT ${COLUMNS}, r.pdf FROM cockpit_reports r JOIN divisions d ON d.code = r.place_code WHERE r.id = $1`,
    [id],
  );
  return rows[0] ? { ...rows[0], bytes: Number(rows[0].bytes), pdf: Buffer.from(rows[0].pdf) } : null;
}
