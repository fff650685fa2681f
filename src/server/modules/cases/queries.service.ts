/** Reading cases: one case with its timeline, and the work queues of the console and the app. */
import type { Actor } from '../../platform/actor';
import { maskContactNumbers } from '../../platform/crypto/text-masking';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { departmentExists, handlingCandidates } from '../access';
import { triageSuggestions } from './triage';
import { canListHandlingCandidates, canTriage, caseReadScope } from './cases.policy';
import { caseActions } from './events/table';
import { findReadableCase } from './case-scope.repo';
import { listPhotos } from './photos.service';
import { timelineFor, withoutReporter } from './reporter-privacy';
import { type CaseRow, listEvents, nearbyOpen } from './cases.repo';
import { listQueueCases, type Queue } from './queues.repo';

/** A case as this actor sees it: the events they may take, and no reporter identity on an anonymous report (unless theirs). */
export function presentCase(actor: Actor, c: CaseRow) {
  return { ...withoutReporter(actor, c), actions: caseActions(actor, c) };
}

export async function getCase(deps: Deps, actor: Actor, id: string) {
  const c = await findReadableCase(deps.db, id, caseReadScope(actor));
  if (!c) throw new AppError('not_found', { what: `case ${id}` });
  const events = timelineFor(actor, c, await listEvents(deps.db, id, false));
  // Staff triaging the case also see the classifier's top 3 (department line; county category), each null when unavailable.
  const triage =
    canTriage(actor, c) && (c.state === 'received' || c.state === 'filed')
      ? await triageSuggestions(deps, { title: c.title, body: c.description })
      : {};
  // An Open311 client's link to the reporter's photo elsewhere, kept on the report's first step.
  const mediaUrl = events.find((e) => e.type === 'receive')?.data.mediaUrl;
  return {
    ...presentCase(actor, c),
    timeline: events,
    photos: await listPhotos(deps, id),
    mediaUrl: typeof mediaUrl === 'string' ? mediaUrl : null,
    ...triage,
  };
}

/**
 * The dispatch dialog's staff picker: grid workers and village officers of the case's grid or village,
 * and handlers of the department (the one asked for, else the case's routed department).
 */
export async function listHandlingCandidates(deps: Deps, actor: Actor, caseId: string, departmentCode?: string) {
  const c = await findReadableCase(deps.db, caseId, caseReadScope(actor));
  if (!c) throw new AppError('not_found', { what: `case ${caseId}` });
  if (!canListHandlingCandidates(actor, c)) throw new AppError('forbidden');
  if (departmentCode !== undefined && !(await departmentExists(deps.db, departmentCode)))
    throw new AppError('unknown_department', { code: departmentCode });
  const place = c.gridCode ?? c.divisionCode;
  return handlingCandidates(deps.db, {
    place,
    villageCode: place.length >= 12 ? place.slice(0, 12) : null,
    departmentCode: departmentCode ?? c.handlerDepartment,
  });
}

export type { Queue };

/** One query per queue, always limited to what the actor may read (caseReadScope, the same rule as the detail). */
export async function listQueue(deps: Deps, actor: Actor, queue: Queue, limit = 200) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const now = deps.clock.now();
  const read = caseReadScope(actor);
  const rows = await listQueueCases(
    deps.db,
    queue,
    { read, userId: actor.userId, staffScopes: read.staffScopes, now },
    limit,
  );
  return rows.map((c) => presentCase(actor, c));
}

/** Before submitting: open reports of the same category within 250 m, to follow instead. */
export async function nearbySameCategory(deps: Deps, categoryCode: string, lng: number, lat: number) {
  const rows = await nearbyOpen(deps.db, categoryCode, lng, lat, 250, null, 10);
  // Other people's reports: their titles as the public sees them (phone and ID numbers masked).
  return rows
    .filter((c) => c.isPublic)
    .map((c) => ({
      id: c.id,
      number: c.number,
      title: maskContactNumbers(c.title),
      state: c.state,
      distanceMeters: Math.round(c.distance),
      receivedAt: c.receivedAt,
    }));
}
