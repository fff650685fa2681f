/** Reading cases: one case with its timeline, the dispatch picker, similar reports nearby (the lists: case-list.service.ts). */
import type { Actor } from '../../platform/actor';
import { maskContactNumbers } from '../../platform/crypto/text-masking';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { departmentExists, handlingCandidates } from '../access';
import { triageSuggestions } from './triage';
import { canListHandlingCandidates, canTriage, caseReadScope } from './cases.policy';
import { findReadableCase } from './case-scope.repo';
import { listPhotos } from './photos.service';
import { listEvents, nearbyOpen } from './cases.repo';
import { presentCase, presentDetail, seesStaffView } from './case-views';

export { presentCase };

export async function getCase(deps: Deps, actor: Actor, id: string) {
  const c = await findReadableCase(deps.db, id, caseReadScope(actor));
  if (!c) throw new AppError('not_found', { what: `case ${id}` });
  // Staff triaging the case also see the classifier's top 3 (department line; county category), each null when unavailable.
  const triage =
    seesStaffView(actor) && canTriage(actor, c) && (c.state === 'received' || c.state === 'filed')
      ? await triageSuggestions(deps, { title: c.title, body: c.description })
      : {};
  return presentDetail(actor, c, {
    events: await listEvents(deps.db, id, false),
    photos: await listPhotos(deps, id),
    triage,
  });
}

/**
 * The dispatch dialog's staff picker: grid workers and village officers of the case's grid or village,
 * and handlers of the department (the one asked for, else the case's routed department).
 */
/** The dispatch picker's people (at most CANDIDATE_CAP, `more` when others match: narrowed by `q`). */
export async function listHandlingCandidates(
  deps: Deps,
  actor: Actor,
  caseId: string,
  { departmentCode, q }: { departmentCode?: string; q?: string } = {},
) {
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
    text: q,
  });
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
