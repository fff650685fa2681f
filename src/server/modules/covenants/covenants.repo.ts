/** 村规民约 / 居民公约: covenants, their versions and articles. SQL only. */
import type { Queryable } from '../../platform/db/db';
import type { Article } from './covenants.domain';
import type { CovenantKind, VersionState } from './covenants.labels';

export interface CovenantRow {
  id: string;
  divisionCode: string;
  divisionName: string;
  kind: CovenantKind;
  title: string;
  createdAt: Date;
}

const COVENANT_COLS = `c.id, c.division_code AS "divisionCode", d.name AS "divisionName", c.kind, c.title, c.created_at AS "createdAt"`;

export async function insertCovenant(
  q: Queryable,
  c: { divisionCode: string; kind: CovenantKind; title: string; by: string | null; at: Date; isDemo?: boolean },
): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO covenants (division_code, kind, title, created_by, created_at, is_demo) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (division_code) DO NOTHING RETURNING id`,
    [c.divisionCode, c.kind, c.title, c.by, c.at, c.isDemo ?? false],
  );
  return rows[0]?.id ?? null;
}

export async function covenantById(q: Queryable, id: string, lock = false): Promise<CovenantRow | null> {
  const { rows } = await q.query<CovenantRow>(
    `SELECT ${COVENANT_COLS} FROM covenants c JOIN divisions d ON d.code = c.division_code WHERE c.id = $1${lock ? ' FOR UPDATE OF c' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function covenantOf(q: Queryable, divisionCode: string): Promise<CovenantRow | null> {
  const { rows } = await q.query<CovenantRow>(
    `SELECT ${COVENANT_COLS} FROM covenants c JOIN divisions d ON d.code = c.division_code WHERE c.division_code = $1`,
    [divisionCode],
  );
  return rows[0] ?? null;
}

/** The covenants in the subtrees, by division code. */
export async function covenantsIn(q: Queryable, scopes: readonly string[], limit: number, after: string | null) {
  const { rows } = await q.query<CovenantRow>(
    `SELECT ${COVENANT_COLS} FROM covenants c JOIN divisions d ON d.code = c.division_code
      WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) s WHERE c.division_code LIKE s || '%')
        AND ($3::text IS NULL OR c.division_code > $3::text)
      ORDER BY c.division_code LIMIT $2`,
    [scopes, limit, after],
  );
  return rows;
}

export interface VersionRow {
  id: string;
  covenantId: string;
  seq: number;
  label: string;
  state: VersionState;
  matterId: string | null;
  matterTitle: string | null;
  adoptionNote: string;
  adoptedOn: string | null;
  supersededOn: string | null;
  createdAt: Date;
  articleCount: number;
}

const VERSION_COLS = `v.id, v.covenant_id AS "covenantId", v.seq, v.label, v.state, v.matter_id AS "matterId",
  m.title AS "matterTitle", v.adoption_note AS "adoptionNote", to_char(v.adopted_on, 'YYYY-MM-DD') AS "adoptedOn",
  to_char(v.superseded_on, 'YYYY-MM-DD') AS "supersededOn", v.created_at AS "createdAt",
  (SELECT count(*)::int FROM covenant_articles a WHERE a.version_id = v.id) AS "articleCount"`;
const VERSION_FROM = `covenant_versions v LEFT JOIN matters m ON m.id = v.matter_id`;

export async function versionsOf(q: Queryable, covenantId: string): Promise<VersionRow[]> {
  const { rows } = await q.query<VersionRow>(
    `SELECT ${VERSION_COLS} FROM ${VERSION_FROM} WHERE v.covenant_id = $1 ORDER BY v.seq DESC`,
    [covenantId],
  );
  return rows;
}

export async function versionById(q: Queryable, id: string, lock = false): Promise<VersionRow | null> {
  const { rows } = await q.query<VersionRow>(
    `SELECT ${VERSION_COLS} FROM ${VERSION_FROM} WHERE v.id = $1${lock ? ' FOR UPDATE OF v' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

/** The version of a place's covenant in force on a date (adopted on or before it, not superseded by then), or null. */
export async function versionInForceOn(q: Queryable, divisionCode: string, on: string): Promise<VersionRow | null> {
  const { rows } = await q.query<VersionRow>(
    `SELECT ${VERSION_COLS} FROM ${VERSION_FROM} JOIN covenants c ON c.id = v.covenant_id
      WHERE c.division_code = $1 AND v.state <> 'draft' AND v.adopted_on <= $2::date
        AND (v.superseded_on IS NULL OR v.superseded_on > $2::date)
      ORDER BY v.seq DESC LIMIT 1`,
    [divisionCode, on],
  );
  return rows[0] ?? null;
}

/** The version in force of a place's covenant (as of today), or null. */
export async function versionInForce(q: Queryable, divisionCode: string): Promise<VersionRow | null> {
  const { rows } = await q.query<VersionRow>(
    `SELECT ${VERSION_COLS} FROM ${VERSION_FROM} JOIN covenants c ON c.id = v.covenant_id
      WHERE c.division_code = $1 AND v.state = 'in_force'`,
    [divisionCode],
  );
  return rows[0] ?? null;
}

export async function insertVersion(
  q: Queryable,
  v: { covenantId: string; label: string; by: string | null; at: Date; isDemo?: boolean },
): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO covenant_versions (covenant_id, seq, label, state, created_by, created_at, is_demo)
     VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM covenant_versions WHERE covenant_id = $1), $2, 'draft', $3, $4, $5)
     RETURNING id`,
    [v.covenantId, v.label, v.by, v.at, v.isDemo ?? false],
  );
  return rows[0].id;
}

/** Supersedes the version in force (if any) on `on`; returns its id. */
export async function supersede(q: Queryable, covenantId: string, on: string): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `UPDATE covenant_versions SET state = 'superseded', superseded_on = $2
      WHERE covenant_id = $1 AND state = 'in_force' RETURNING id`,
    [covenantId, on],
  );
  return rows[0]?.id ?? null;
}

export async function putInForce(
  q: Queryable,
  id: string,
  a: { matterId: string | null; note: string; on: string; by: string | null },
): Promise<void> {
  await q.query(
    `UPDATE covenant_versions SET state = 'in_force', matter_id = $2, adoption_note = $3, adopted_on = $4, adopted_by = $5
      WHERE id = $1`,
    [id, a.matterId, a.note, a.on, a.by],
  );
}

const ARTICLE_COLS = `number, chapter, body, max_tables AS "maxTables", max_days AS "maxDays"`;

export async function articlesOf(q: Queryable, versionId: string): Promise<Article[]> {
  const { rows } = await q.query<Article>(
    `SELECT ${ARTICLE_COLS} FROM covenant_articles WHERE version_id = $1 ORDER BY number`,
    [versionId],
  );
  return rows;
}

export async function articleAt(q: Queryable, versionId: string, number: number): Promise<Article | null> {
  const { rows } = await q.query<Article>(
    `SELECT ${ARTICLE_COLS} FROM covenant_articles WHERE version_id = $1 AND number = $2`,
    [versionId, number],
  );
  return rows[0] ?? null;
}

/** Replaces a draft's articles. */
export async function replaceArticles(q: Queryable, versionId: string, articles: readonly Article[]): Promise<void> {
  await q.query(`DELETE FROM covenant_articles WHERE version_id = $1`, [versionId]);
  await q.query(
    `INSERT INTO covenant_articles (version_id, number, chapter, body, max_tables, max_days)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::int[], $6::int[])`,
    [
      versionId,
      articles.map((a) => a.number),
      articles.map((a) => a.chapter),
      articles.map((a) => a.body),
      articles.map((a) => a.maxTables),
      articles.map((a) => a.maxDays),
    ],
  );
}

/** Copies one version's articles into another (a new draft starts from the version in force). */
export async function copyArticles(q: Queryable, fromVersionId: string, toVersionId: string): Promise<void> {
  await q.query(
    `INSERT INTO covenant_articles (version_id, number, chapter, body, max_tables, max_days)
     SELECT $2, number, chapter, body, max_tables, max_days FROM covenant_articles WHERE version_id = $1`,
    [fromVersionId, toVersionId],
  );
}

/** Whether the demo's covenant of the place is there. */
export async function hasDemoCovenant(q: Queryable, divisionCode: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM covenants WHERE division_code = $1 AND is_demo`, [divisionCode]);
  return rows.length > 0;
}
