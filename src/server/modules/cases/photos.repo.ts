import type { Queryable } from '../../platform/db/db';

export type PhotoStage = 'report' | 'progress' | 'feedback';

export interface PhotoRow {
  id: string;
  caseId: string;
  stage: PhotoStage;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  publicApproved: boolean;
  createdAt: Date;
}

const COLUMNS = `id, case_id AS "caseId", stage, mime, width, height, bytes, public_approved AS "publicApproved", created_at AS "createdAt"`;

export async function countPhotos(q: Queryable, caseId: string, stage: PhotoStage): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM case_photos WHERE case_id = $1 AND stage = $2',
    [caseId, stage],
  );
  return rows[0].n;
}

export async function insertPhoto(
  q: Queryable,
  p: {
    id: string;
    caseId: string;
    eventId: number;
    stage: PhotoStage;
    originalPath: string;
    publicPath: string;
    mime: string;
    width: number;
    height: number;
    bytes: number;
    at: Date;
  },
): Promise<PhotoRow> {
  const { rows } = await q.query<PhotoRow>(
    `INSERT INTO case_photos (id, case_id, event_id, stage, original_path, public_path, mime, width, height, bytes, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${COLUMNS}`,
    [
      p.id,
      p.caseId,
      p.eventId,
      p.stage,
      p.originalPath,
      p.publicPath,
      p.mime,
      p.width,
      p.height,
      p.bytes,
      p.at.toISOString(),
    ],
  );
  return rows[0];
}

export async function photosOfCase(q: Queryable, caseId: string, approvedOnly = false): Promise<PhotoRow[]> {
  const { rows } = await q.query<PhotoRow>(
    `SELECT ${COLUMNS} FROM case_photos WHERE case_id = $1 ${approvedOnly ? 'AND public_approved' : ''} ORDER BY created_at`,
    [caseId],
  );
  return rows;
}

export async function photoFiles(q: Queryable, id: string) {
  const { rows } = await q.query<{
    caseId: string;
    originalPath: string;
    publicPath: string;
    mime: string;
    publicApproved: boolean;
  }>(
    'SELECT case_id AS "caseId", original_path AS "originalPath", public_path AS "publicPath", mime, public_approved AS "publicApproved" FROM case_photos WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

export async function setPhotoPublic(q: Queryable, id: string, approved: boolean): Promise<void> {
  await q.query('UPDATE case_photos SET public_approved = $2 WHERE id = $1', [id, approved]);
}
