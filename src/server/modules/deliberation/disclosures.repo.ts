/** The 村务公开 board: published items and the last publication per village and category. SQL only. */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';
import type { DisclosureCategory } from './deliberation.labels';

export interface DisclosureRow {
  id: string;
  divisionCode: string;
  category: DisclosureCategory;
  title: string;
  body: string;
  matterId: string | null;
  publishedAt: Date;
}

const COLS = `d.id, d.division_code AS "divisionCode", d.category, d.title, d.body, d.matter_id AS "matterId",
  d.published_at AS "publishedAt"`;

export async function insertDisclosure(
  q: Queryable,
  d: Omit<DisclosureRow, 'id'> & { by: string | null; isDemo?: boolean },
): Promise<DisclosureRow> {
  const { rows } = await q.query<DisclosureRow>(
    `INSERT INTO disclosures AS d (division_code, category, title, body, matter_id, published_by, published_at, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLS}`,
    [d.divisionCode, d.category, d.title, d.body, d.matterId, d.by, d.publishedAt, d.isDemo ?? false],
  );
  return rows[0];
}

export const disclosureKey = (d: DisclosureRow): KeyValue[] => [d.publishedAt.toISOString(), d.id];

/** Items published in the subtrees (or at these exact places when `exact`), newest first. */
export async function disclosuresIn(
  q: Queryable,
  scopes: string[],
  limit: number,
  after: KeyValue[] | null,
): Promise<DisclosureRow[]> {
  const { rows } = await q.query<DisclosureRow>(
    `SELECT ${COLS} FROM disclosures d
      WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE d.division_code LIKE s || '%')
        AND ($3::timestamptz IS NULL OR (d.published_at, d.id) < ($3::timestamptz, $4::uuid))
      ORDER BY d.published_at DESC, d.id DESC LIMIT $2`,
    [scopes, limit, after?.[0] ?? null, after?.[1] ?? null],
  );
  return rows;
}

export async function disclosuresOfMatter(q: Queryable, matterId: string): Promise<DisclosureRow[]> {
  const { rows } = await q.query<DisclosureRow>(
    `SELECT ${COLS} FROM disclosures d WHERE d.matter_id = $1 ORDER BY d.published_at`,
    [matterId],
  );
  return rows;
}

export interface LastPublished {
  code: string;
  name: string;
  affairs: Date | null;
  finance: Date | null;
  major: Date | null;
}

/** The villages and communities under a place, each with its last publication per periodic category. */
export async function lastPublished(
  q: Queryable,
  scope: string,
  limit: number,
  after: KeyValue[] | null,
): Promise<LastPublished[]> {
  const { rows } = await q.query<LastPublished>(
    `SELECT v.code, v.name,
            (SELECT max(published_at) FROM disclosures d WHERE d.division_code = v.code AND d.category = 'affairs') AS affairs,
            (SELECT max(published_at) FROM disclosures d WHERE d.division_code = v.code AND d.category = 'finance') AS finance,
            (SELECT max(published_at) FROM disclosures d WHERE d.division_code = v.code AND d.category IN ('major', 'resolution')) AS major
       FROM divisions v
      WHERE v.level = 5 AND v.code LIKE $1::text || '%' AND ($3::text IS NULL OR v.code > $3::text)
      ORDER BY v.code LIMIT $2`,
    [scope, limit, after?.[0] ?? null],
  );
  return rows;
}

/** The villages a signed-in person belongs to: their resident records' and their home place. */
export async function placesOfUser(q: Queryable, userId: string): Promise<string[]> {
  const { rows } = await q.query<{ code: string }>(
    `SELECT left(r.household_code, 12) AS code FROM users u JOIN residents r ON r.id = u.resident_id OR r.phone_index = u.phone_index WHERE u.id = $1
     UNION SELECT left(home_division_code, 12) FROM users WHERE id = $1 AND length(home_division_code) >= 12`,
    [userId],
  );
  return rows.map((r) => r.code);
}
