/**
 * Case photos: checked by their real format (not the declared one), re-encoded, stored under
 * DATA_DIR/photos. Staff and the reporter see the staff copy (EXIF kept as evidence); the public
 * copy is re-encoded without any metadata (no EXIF location) and is shown only after staff
 * approve it (faces and private matters stay private).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type Sharp from 'sharp';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { canTriage, caseReadScope, isHandler, isReporter } from './cases.policy';
import { findReadableCase } from './case-scope.repo';
import type { CaseState } from './case-machine';
import { findCase, insertEvent } from './cases.repo';
import * as repo from './photos.repo';
import type { PhotoRow, PhotoStage } from './photos.repo';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTOS_PER_STAGE = 9;
export const FORMATS = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;
type Format = keyof typeof FORMATS;
export type { PhotoRow, PhotoStage } from './photos.repo';

const photoDir = (deps: Deps, caseId: string) => path.join(deps.config.dataDir, 'photos', caseId);

export async function addPhoto(
  deps: Deps,
  actor: Actor,
  caseId: string,
  stage: PhotoStage,
  data: Buffer,
): Promise<PhotoRow & { url: string }> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const c = await findReadableCase(deps.db, caseId, caseReadScope(actor));
  if (!c) throw new AppError('not_found', { what: `case ${caseId}` });
  const allowed =
    stage === 'report'
      ? (isReporter(actor, c) || c.enteredBy === actor.userId) && ['received', 'filed'].includes(c.state)
      : isHandler(actor, c) && ['dispatched', 'handling'].includes(c.state);
  if (!allowed) throw new AppError('forbidden');
  const photo = await preparePhoto(data);
  return storePhoto(deps, photo, {
    caseId,
    state: c.state,
    divisionCode: c.divisionCode,
    stage,
    actor,
    actorId: actor.userId,
    actorLabel: actor.displayName,
  });
}

/** A checked photo, re-encoded twice (staff copy with EXIF, public copy without), not yet stored. */
export interface PreparedPhoto {
  format: Format;
  staff: Buffer;
  width: number;
  height: number;
  publicCopy: Buffer;
}

let sharpLoading: Promise<typeof Sharp> | undefined;
/** sharp (libvips) is imported on the first photo: it costs ~0.25 s of start-up otherwise. */
const loadSharp = () => {
  sharpLoading ??= import('sharp').then((m) => m.default);
  return sharpLoading;
};

/**
 * The checks every photo passes, whoever sends it (the apps, Open311): not empty, ≤ 10 MB, a real
 * JPEG/PNG/WebP by its content (not its declared type). `name` is only for the error message.
 */
export async function preparePhoto(data: Buffer, name?: string): Promise<PreparedPhoto> {
  const invalid = (zh: string, en: string) =>
    new AppError('photo_invalid', {
      reasonZh: name ? `${name}：${zh}` : zh,
      reasonEn: name ? `${name}: ${en}` : en,
    });
  if (data.length === 0) throw invalid('文件是空的', 'empty');
  if (data.length > MAX_PHOTO_BYTES) {
    const mb = `${(data.length / 1048576).toFixed(1)} MB`;
    throw invalid(`大小 ${mb}`, mb);
  }
  const sharp = await loadSharp();
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(data).metadata();
  } catch {
    throw invalid('不是图片', 'not an image');
  }
  const format = meta.format as Format;
  if (!(format in FORMATS)) throw invalid(`格式 ${meta.format ?? '未知'}`, `format ${meta.format ?? 'unknown'}`);
  try {
    const staffCopy = await sharp(data).rotate().keepMetadata().toFormat(format).toBuffer({ resolveWithObject: true });
    const publicCopy = await sharp(data)
      .rotate()
      .resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true })
      .toFormat(format)
      .toBuffer();
    return { format, staff: staffCopy.data, width: staffCopy.info.width, height: staffCopy.info.height, publicCopy };
  } catch {
    throw invalid('图片已损坏', 'damaged image');
  }
}

/** Stores a prepared photo on a case: files, the timeline step, the row and the audit, or nothing. */
export async function storePhoto(
  deps: Deps,
  photo: PreparedPhoto,
  to: PhotoTarget,
): Promise<PhotoRow & { url: string }> {
  const { caseId, stage } = to;
  const format = photo.format;
  const id = randomUUID();
  const dir = photoDir(deps, caseId);
  const original = path.join(dir, `${id}.${format}`);
  const publicPath = path.join(dir, `${id}.public.${format}`);
  await mkdir(dir, { recursive: true });
  await writeFile(original, photo.staff);
  await writeFile(publicPath, photo.publicCopy);
  try {
    return await deps.db.transaction(async (tx) => {
      if ((await repo.countPhotos(tx, caseId, stage)) >= MAX_PHOTOS_PER_STAGE)
        throw new AppError('photo_limit', { max: MAX_PHOTOS_PER_STAGE });
      return recordPhoto(deps, tx, to, {
        id,
        originalPath: path.relative(deps.config.dataDir, original),
        publicPath: path.relative(deps.config.dataDir, publicPath),
        mime: FORMATS[format],
        width: photo.width,
        height: photo.height,
        bytes: photo.staff.length,
      });
    });
  } catch (e) {
    await rm(original, { force: true });
    await rm(publicPath, { force: true });
    throw e;
  }
}

/** Where a photo goes and who adds it. */
export interface PhotoTarget {
  caseId: string;
  state: CaseState;
  divisionCode: string;
  stage: PhotoStage;
  actor: Actor;
  actorId: string | null;
  actorLabel: string;
}

/** A stored photo's files and measures (paths relative to DATA_DIR). */
export interface PhotoFiles {
  id: string;
  originalPath: string;
  publicPath: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
}

/** The rows of a photo whose files are written: its timeline step, the photo and the audit, in the caller's transaction. */
export async function recordPhoto(
  deps: Deps,
  tx: Queryable,
  to: PhotoTarget,
  files: PhotoFiles,
): Promise<PhotoRow & { url: string }> {
  const now = deps.clock.now();
  const eventId = await insertEvent(tx, to.caseId, {
    at: now,
    actorId: to.actorId,
    actorLabel: to.actorLabel,
    type: 'photo',
    fromState: to.state,
    toState: to.state,
    note: null,
    data: { photoId: files.id, stage: to.stage },
    isPublic: true,
  });
  const row = await repo.insertPhoto(tx, { ...files, caseId: to.caseId, eventId, stage: to.stage, at: now });
  await audit(tx, to.actor, {
    action: 'cases.photo',
    entityType: 'case',
    entityId: to.caseId,
    scopeCode: to.divisionCode,
    after: { photoId: files.id, stage: to.stage, bytes: files.bytes },
  });
  return { ...row, url: `/api/photos/${files.id}` };
}

export async function listPhotos(deps: Deps, caseId: string): Promise<(PhotoRow & { url: string })[]> {
  return (await repo.photosOfCase(deps.db, caseId)).map((r) => ({ ...r, url: `/api/photos/${r.id}` }));
}

/** Staff and the reporter: the staff copy. The public: the stripped copy, once approved. */
export async function readPhoto(
  deps: Deps,
  actor: Actor,
  id: string,
  publicView: boolean,
): Promise<{ mime: string; data: Buffer }> {
  const p = await repo.photoFiles(deps.db, id);
  const c = p && (await findCase(deps.db, p.caseId));
  if (!p || !c) throw new AppError('not_found', { what: `photo ${id}` });
  if (publicView) {
    if (!p.publicApproved || !c.isPublic) throw new AppError('not_found', { what: `photo ${id}` });
    return { mime: p.mime, data: await readFile(path.join(deps.config.dataDir, p.publicPath)) };
  }
  if (!(await findReadableCase(deps.db, c.id, caseReadScope(actor))))
    throw new AppError('not_found', { what: `photo ${id}` });
  return { mime: p.mime, data: await readFile(path.join(deps.config.dataDir, p.originalPath)) };
}

export async function approvePhotoForPublic(deps: Deps, actor: Actor, id: string, approved: boolean): Promise<void> {
  const p = await repo.photoFiles(deps.db, id);
  const c = p && (await findReadableCase(deps.db, p.caseId, caseReadScope(actor)));
  if (!p || !c) throw new AppError('not_found', { what: `photo ${id}` });
  if (!canTriage(actor, c)) throw new AppError('forbidden');
  await deps.db.transaction(async (tx) => {
    await repo.setPhotoPublic(tx, id, approved);
    await audit(tx, actor, {
      action: approved ? 'cases.photo_public' : 'cases.photo_private',
      entityType: 'case',
      entityId: c.id,
      after: { photoId: id },
    });
  });
}
