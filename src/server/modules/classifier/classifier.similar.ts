/**
 * Near-duplicates (重复上报): open reports within 250 m received in the last 7 days, ranked by text
 * similarity (the department model's TF-IDF features), top 5 above a threshold. For a dispatcher
 * looking at a case ("same as case N": reject as duplicate) and for a reporter before submitting
 * ("same as case N": follow it instead).
 */
import type { Actor } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { gcj02ToWgs84 } from '../../platform/geo/geo.datum';
import { canReadCase, type CaseRow, findCase, findCategory, nearbyOpen } from '../cases';
import { departmentModel, unavailableReason } from './classifier.service';
import { rankSimilarReports } from './classifier.similarity';
import { cutText } from '../../platform/text';

export const DUPLICATE_RADIUS_METERS = 250;
export const DUPLICATE_WINDOW_DAYS = 7;
/** Cosine similarity (0..1) below which a report is not offered as a possible duplicate. */
export const DUPLICATE_THRESHOLD = 0.15;
export const DUPLICATE_LIMIT = 5;
const MAX_CANDIDATES = 300;

export interface SimilarCase {
  id: string;
  number: string;
  title: string;
  state: string;
  categoryCode: string;
  distanceMeters: number;
  similarity: number;
}

/** The text compared: title and description, the title defaulting as at intake (first 30 characters). */
const caseText = (title: string | undefined, description: string) =>
  `${title?.trim() || cutText(description.trim(), 30)}\n${description.trim()}`;

async function rankNearby(
  deps: Deps,
  text: string,
  lng: number,
  lat: number,
  include: (c: CaseRow) => boolean,
): Promise<SimilarCase[]> {
  const m = await departmentModel(deps);
  if (!m.ok) throw new AppError('classifier_unavailable', { reason: unavailableReason(m) });
  const now = deps.clock.now();
  const since = new Date(now.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000);
  const rows = (await nearbyOpen(deps.db, null, lng, lat, DUPLICATE_RADIUS_METERS, since, MAX_CANDIDATES)).filter(
    include,
  );
  const byId = new Map(rows.map((c) => [c.id, c]));
  const ranked = rankSimilarReports(
    m.value.model,
    text,
    rows.map((c) => ({
      id: c.id,
      text: caseText(c.title, c.description),
      distanceMeters: c.distance,
      createdAt: c.receivedAt,
    })),
    {
      threshold: DUPLICATE_THRESHOLD,
      limit: DUPLICATE_LIMIT,
      maxDistanceMeters: DUPLICATE_RADIUS_METERS,
      maxAgeDays: DUPLICATE_WINDOW_DAYS,
      now,
    },
  );
  return ranked.map((r) => {
    const c = byId.get(r.id)!;
    return {
      id: c.id,
      number: c.number,
      title: c.title,
      state: c.state,
      categoryCode: c.categoryCode,
      distanceMeters: Math.round(c.distance),
      similarity: r.similarity,
    };
  });
}

/** For staff who can read the case: open reports it may duplicate (the ones they can read). */
export async function similarToCase(deps: Deps, actor: Actor, id: string): Promise<SimilarCase[]> {
  const c = await findCase(deps.db, id);
  if (!c || !canReadCase(actor, c)) throw new AppError('not_found', { what: `case ${id}` });
  if (actor.kind !== 'user' || actor.userKind !== 'staff') throw new AppError('forbidden');
  return rankNearby(
    deps,
    caseText(c.title, c.description),
    c.lng,
    c.lat,
    (x) => x.id !== c.id && canReadCase(actor, x),
  );
}

export interface SimilarQuery {
  description: string;
  title?: string;
  lng: number;
  lat: number;
  coordSystem?: 'wgs84' | 'gcj02';
  categoryCode?: string;
}

/**
 * For the report form: public open reports nearby (and, for staff, those they can read) that look
 * like the text being written. With a category, hits of that category are marked `sameCategory`.
 */
export async function similarToText(
  deps: Deps,
  actor: Actor,
  q: SimilarQuery,
): Promise<(SimilarCase & { sameCategory: boolean | null })[]> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (q.categoryCode !== undefined && !(await findCategory(deps.db, q.categoryCode)))
    throw new AppError('unknown_category', { code: q.categoryCode });
  const [lng, lat] = q.coordSystem === 'gcj02' ? gcj02ToWgs84([q.lng, q.lat]) : [q.lng, q.lat];
  const staff = actor.userKind === 'staff';
  const hits = await rankNearby(
    deps,
    caseText(q.title, q.description),
    lng,
    lat,
    (c) => c.isPublic || (staff && canReadCase(actor, c)),
  );
  return hits.map((h) => ({
    ...h,
    sameCategory: q.categoryCode === undefined ? null : h.categoryCode === q.categoryCode,
  }));
}
