/**
 * Photos sent before their report (issue #11). The resident app uploads each photo first (resized on
 * the phone, retried on a weak network), then files the report naming them; the report's request
 * checks them before anything is written and attaches them right after the case, under the same id.
 * A retried report (same Idempotency-Key) attaches what is not attached yet, so a case never stays
 * without the photos its reporter sent. Staged photos nobody attached are removed after a day.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Actor, UserActor } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import type { CaseState } from './case-machine';
import { countPhotos } from './photos.repo';
import { FORMATS, MAX_PHOTOS_PER_STAGE, preparePhoto, recordPhoto } from './photos.service';
import * as repo from './staged-photos.repo';

/** Photos one person may hold staged at once (several reports' worth). */
export const MAX_STAGED_PER_USER = 30;
/** How long a staged photo waits for its report. */
export const STAGED_TTL_MS = 24 * 3600_000;

export interface StagedPhoto {
  id: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
}

function signedIn(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return actor;
}

/** Checks and re-encodes a photo like any case photo, and keeps it for the uploader's report. */
export async function stagePhoto(deps: Deps, actor: Actor, data: Buffer): Promise<StagedPhoto> {
  const user = signedIn(actor);
  const photo = await preparePhoto(data);
  const id = randomUUID();
  const dir = path.join(deps.config.dataDir, 'photos', 'staged', user.userId);
  const original = path.join(dir, `${id}.${photo.format}`);
  const publicCopy = path.join(dir, `${id}.public.${photo.format}`);
  await mkdir(dir, { recursive: true });
  await writeFile(original, photo.staff);
  await writeFile(publicCopy, photo.publicCopy);
  const row = {
    id,
    userId: user.userId,
    originalPath: path.relative(deps.config.dataDir, original),
    publicPath: path.relative(deps.config.dataDir, publicCopy),
    mime: FORMATS[photo.format],
    width: photo.width,
    height: photo.height,
    bytes: photo.staff.length,
    createdAt: deps.clock.now(),
  };
  try {
    await deps.db.transaction(async (tx) => {
      if ((await repo.countStagedPhotos(tx, user.userId)) >= MAX_STAGED_PER_USER)
        throw new AppError('photo_limit', { max: MAX_STAGED_PER_USER });
      await repo.insertStagedPhoto(tx, row);
    });
  } catch (e) {
    await rm(original, { force: true });
    await rm(publicCopy, { force: true });
    throw e;
  }
  return { id, mime: row.mime, width: row.width, height: row.height, bytes: row.bytes };
}

/**
 * Before a report is written: every named photo is one the actor staged, or (a retried report) one
 * already attached to a case of theirs. Nothing is written when a photo has expired or is not theirs.
 */
export async function checkStagedPhotos(deps: Deps, actor: Actor, ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const user = signedIn(actor);
  const attached = await repo.photosAlreadyOnUsersCases(deps.db, user.userId, ids);
  const staged = new Set((await repo.lockStagedPhotos(deps.db, user.userId, ids)).map((r) => r.id));
  const missing = ids.find((id) => !staged.has(id) && !attached.includes(id));
  if (missing) throw new AppError('photo_expired', { id: missing });
}

/** Attaches the named staged photos to the new case as its report-step photos (one transaction). */
export async function attachStagedPhotos(
  deps: Deps,
  actor: Actor,
  c: { id: string; state: CaseState; divisionCode: string },
  ids: readonly string[],
): Promise<void> {
  if (!ids.length) return;
  const user = signedIn(actor);
  await deps.db.transaction(async (tx) => {
    const attached = await repo.photosAlreadyOnCase(tx, c.id, ids);
    const todo = ids.filter((id) => !attached.includes(id));
    const staged = await repo.lockStagedPhotos(tx, user.userId, todo);
    const missing = todo.find((id) => !staged.some((r) => r.id === id));
    if (missing) throw new AppError('photo_expired', { id: missing });
    if ((await countPhotos(tx, c.id, 'report')) + staged.length > MAX_PHOTOS_PER_STAGE)
      throw new AppError('photo_limit', { max: MAX_PHOTOS_PER_STAGE });
    const to = {
      caseId: c.id,
      state: c.state,
      divisionCode: c.divisionCode,
      stage: 'report' as const,
      actor,
      actorId: user.userId,
      actorLabel: user.displayName,
    };
    // in the order the reporter attached them
    for (const id of todo) {
      const s = staged.find((r) => r.id === id)!;
      await recordPhoto(deps, tx, to, s);
      await repo.deleteStagedPhoto(tx, id);
    }
  });
}

/** Timer: removes staged photos older than a day (rows, then files), a batch per tick. */
export async function purgeStagedPhotos(deps: Deps): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - STAGED_TTL_MS);
  const rows = await deps.db.transaction((tx) => repo.takeExpiredStagedPhotos(tx, before, 200));
  for (const r of rows) {
    await rm(path.join(deps.config.dataDir, r.originalPath), { force: true });
    await rm(path.join(deps.config.dataDir, r.publicPath), { force: true });
  }
  return rows.length;
}
