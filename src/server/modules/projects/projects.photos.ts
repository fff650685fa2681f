/**
 * Project photos (施工、完工照片): checked and re-encoded by the cases module's `preparePhoto` (a real
 * JPEG/PNG/WebP, ≤ 10 MB); only the copy without metadata (no EXIF location) is kept, since the
 * project page is public. Stored under DATA_DIR/projects/<project>/<photo>.<format>.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { preparePhoto } from '../cases';
import { canManageAt } from './projects.policy';
import * as repo from './projects.repo';

export const MAX_PROJECT_PHOTOS = 30;
export const PHOTO_MIME: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const fileOf = (deps: Deps, projectId: string, id: string, format: string) =>
  path.join(deps.config.dataDir, 'projects', projectId, `${id}.${format}`);

export async function addProjectPhoto(deps: Deps, actor: UserActor, projectId: string, data: Buffer) {
  const p = await repo.findProject(deps.db, projectId);
  if (!p || !canManageAt(actor, p.placeCode)) throw new AppError('not_found', { what: 'project' });
  const photo = await preparePhoto(data);
  return deps.db.transaction(async (tx) => {
    await repo.lockProject(tx, projectId);
    if ((await repo.photosOf(tx, projectId)).length >= MAX_PROJECT_PHOTOS)
      throw new AppError('photo_limit', { max: MAX_PROJECT_PHOTOS });
    const id = await repo.insertPhoto(tx, { projectId, format: photo.format, by: actor.userId, at: deps.clock.now() });
    await audit(tx, actor, {
      action: 'projects.photo_add',
      entityType: 'project',
      entityId: projectId,
      scopeCode: p.placeCode,
      after: { photoId: id },
    });
    const file = fileOf(deps, projectId, id, photo.format);
    await mkdir(path.dirname(file), { recursive: true });
    try {
      await writeFile(file, photo.publicCopy);
    } catch (e) {
      await rm(file, { force: true });
      throw e;
    }
    return { id, url: `/api/public/projects/${projectId}/photos/${id}` };
  });
}

export async function readProjectPhoto(deps: Deps, projectId: string, photoId: string) {
  const ph = await repo.findPhoto(deps.db, projectId, photoId);
  if (!ph) throw new AppError('not_found', { what: 'photo' });
  const data = await readFile(fileOf(deps, projectId, photoId, ph.format)).catch(() => null);
  if (!data) throw new AppError('not_found', { what: 'photo' });
  return { mime: PHOTO_MIME[ph.format], data };
}
