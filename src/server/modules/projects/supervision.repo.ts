/**
 * Supervision's SQL: the representatives a project may be given, the ones chosen, their ratings.
 *
 * SEAM (issue #13, deliberation): the village's 村民代表 are the deliberation module's register
 * (`body_members`, body 'representatives'); deliberation/index.ts exports no reader of it yet, so
 * `representativesOf` reads the table here. When deliberation exports one, call it instead.
 */
import type { Queryable } from '../../platform/db/db';

/** Of `residentIds`, the ones who are representatives (村民代表) of `villageCode`. */
export async function representativesAmong(
  q: Queryable,
  villageCode: string,
  residentIds: readonly string[],
): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT resident_id AS id FROM body_members
      WHERE village_code = $1 AND body = 'representatives' AND resident_id = ANY ($2::uuid[])`,
    [villageCode, residentIds],
  );
  return rows.map((r) => r.id);
}

/** The representatives of the villages under a place (the console's picker), names masked by the caller. */
export async function representativesOf(
  q: Queryable,
  placeCode: string,
): Promise<{ residentId: string; name: string; villageCode: string; villageName: string }[]> {
  const { rows } = await q.query<{ residentId: string; name: string; villageCode: string; villageName: string }>(
    `SELECT b.resident_id AS "residentId", r.name, b.village_code AS "villageCode", d.name AS "villageName"
       FROM body_members b JOIN residents r ON r.id = b.resident_id JOIN divisions d ON d.code = b.village_code
      WHERE b.body = 'representatives' AND b.village_code LIKE $1::text || '%'
      ORDER BY b.village_code, r.name COLLATE "C", b.resident_id LIMIT 500`,
    [placeCode],
  );
  return rows;
}

/** Replaces a project's supervisors (their ratings go with them). */
export async function setSupervisors(
  q: Queryable,
  projectId: string,
  residentIds: readonly string[],
  by: string | null,
  at: Date,
): Promise<void> {
  await q.query(`DELETE FROM project_supervisors WHERE project_id = $1 AND NOT (resident_id = ANY ($2::uuid[]))`, [
    projectId,
    residentIds,
  ]);
  await q.query(
    `INSERT INTO project_supervisors (project_id, resident_id, chosen_by, chosen_at)
     SELECT $1, id, $3, $4 FROM unnest($2::uuid[]) AS id ON CONFLICT DO NOTHING`,
    [projectId, residentIds, by, at],
  );
}

export interface SupervisorRow {
  residentId: string;
  name: string;
  rating: { progress: number; quality: number; comment: string | null; ratedAt: Date } | null;
}

export async function supervisorsOf(q: Queryable, projectId: string): Promise<SupervisorRow[]> {
  const { rows } = await q.query<{
    residentId: string;
    name: string;
    progress: number | null;
    quality: number | null;
    comment: string | null;
    ratedAt: Date | null;
  }>(
    `SELECT s.resident_id AS "residentId", r.name, g.progress, g.quality, g.comment, g.rated_at AS "ratedAt"
       FROM project_supervisors s JOIN residents r ON r.id = s.resident_id
       LEFT JOIN project_ratings g ON g.project_id = s.project_id AND g.resident_id = s.resident_id
      WHERE s.project_id = $1 ORDER BY s.chosen_at, s.resident_id`,
    [projectId],
  );
  return rows.map(({ progress, quality, comment, ratedAt, ...s }) => ({
    ...s,
    rating: progress === null || quality === null ? null : { progress, quality, comment, ratedAt: ratedAt! },
  }));
}

/** The register's residents a resident account stands for (by link, else by the same phone). */
export async function residentsOfUser(q: Queryable, userId: string): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT r.id FROM users u JOIN residents r ON r.id = u.resident_id OR r.phone_index = u.phone_index
      WHERE u.id = $1 AND u.kind = 'resident' AND u.disabled_at IS NULL`,
    [userId],
  );
  return rows.map((r) => r.id);
}

/** Of a project's supervisors, the first that one of `residentIds` is. */
export async function supervisorAmong(
  q: Queryable,
  projectId: string,
  residentIds: readonly string[],
): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT resident_id AS id FROM project_supervisors WHERE project_id = $1 AND resident_id = ANY ($2::uuid[])
      ORDER BY resident_id LIMIT 1`,
    [projectId, residentIds],
  );
  return rows[0]?.id ?? null;
}

export async function upsertRating(
  q: Queryable,
  r: {
    projectId: string;
    residentId: string;
    userId: string | null;
    progress: number;
    quality: number;
    comment: string | null;
    at: Date;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO project_ratings (project_id, resident_id, user_id, progress, quality, comment, rated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (project_id, resident_id) DO UPDATE
       SET user_id = EXCLUDED.user_id, progress = EXCLUDED.progress, quality = EXCLUDED.quality,
           comment = EXCLUDED.comment, rated_at = EXCLUDED.rated_at`,
    [r.projectId, r.residentId, r.userId, r.progress, r.quality, r.comment, r.at],
  );
}

/** SEAM (deliberation's register): makes a resident a representative of a village (the demo's own representative). */
export async function addRepresentative(q: Queryable, villageCode: string, residentId: string): Promise<void> {
  await q.query(
    `INSERT INTO body_members (village_code, body, resident_id, is_demo) VALUES ($1, 'representatives', $2, true)
     ON CONFLICT DO NOTHING`,
    [villageCode, residentId],
  );
}

/** The village of the household a resident account is registered in (by link, else by phone), or null. */
export async function registeredVillageOf(q: Queryable, userId: string): Promise<string | null> {
  const { rows } = await q.query<{ code: string }>(
    `SELECT left(r.household_code, 12) AS code FROM users u
       JOIN residents r ON r.id = u.resident_id OR r.phone_index = u.phone_index
      WHERE u.id = $1 AND u.kind = 'resident' ORDER BY (r.id = u.resident_id) DESC NULLS LAST, r.id LIMIT 1`,
    [userId],
  );
  return rows[0]?.code ?? null;
}
