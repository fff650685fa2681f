/** Photos uploaded before their report (staged_photos): SQL only. */
import type { Queryable } from '../../platform/db/db';

export interface StagedPhotoRow {
  id: string;
  userId: string;
  originalPath: string;
  publicPath: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  createdAt: Date;
}

const COLUMNS = `id, user_id AS "userId", original_path AS "originalPath", public_path AS "publicPath", mime, width,
  height, bytes, created_at AS "createdAt"`;

export async function insertStagedPhoto(q: Queryable, p: StagedPhotoRow): Promise<void> {
  await q.query(
    `INSERT INTO staged_photos (id, user_id, original_path, public_path, mime, width, height, bytes, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [p.id, p.userId, p.originalPath, p.publicPath, p.mime, p.width, p.height, p.bytes, p.createdAt.toISOString()],
  );
}

export async function countStagedPhotos(q: Queryable, userId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>('SELECT count(*)::int AS n FROM staged_photos WHERE user_id = $1', [
    userId,
  ]);
  return rows[0].n;
}

/** The user's staged photos among `ids`, locked until the transaction ends (attached once, not twice). */
export async function lockStagedPhotos(
  q: Queryable,
  userId: string,
  ids: readonly string[],
): Promise<StagedPhotoRow[]> {
  const { rows } = await q.query<StagedPhotoRow>(
    `SELECT ${COLUMNS} FROM staged_photos WHERE user_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE`,
    [userId, ids],
  );
  return rows;
}

/** Which of `ids` are already photos of cases the user reported or entered (a retried report names them again). */
export async function photosAlreadyOnUsersCases(
  q: Queryable,
  userId: string,
  ids: readonly string[],
): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT p.id::text FROM case_photos p JOIN cases c ON c.id = p.case_id
      WHERE p.id = ANY($2::uuid[]) AND (c.reporter_id = $1 OR c.entered_by = $1)`,
    [userId, ids],
  );
  return rows.map((r) => r.id);
}

/** Which of `ids` are already photos of the case (a retried report names photos it attached before). */
export async function photosAlreadyOnCase(q: Queryable, caseId: string, ids: readonly string[]): Promise<string[]> {
  const { rows } = await q.query<{ id: string }>(
    'SELECT id::text FROM case_photos WHERE case_id = $1 AND id = ANY($2::uuid[])',
    [caseId, ids],
  );
  return rows.map((r) => r.id);
}

export async function deleteStagedPhoto(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM staged_photos WHERE id = $1', [id]);
}

/** Staged photos older than `before`, never attached: removed (the caller deletes their files). */
export async function takeExpiredStagedPhotos(q: Queryable, before: Date, limit: number): Promise<StagedPhotoRow[]> {
  const { rows } = await q.query<StagedPhotoRow>(
    `DELETE FROM staged_photos WHERE id IN (
       SELECT id FROM staged_photos WHERE created_at < $1 ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
     RETURNING ${COLUMNS}`,
    [before.toISOString(), limit],
  );
  return rows;
}
