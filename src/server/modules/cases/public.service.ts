/**
 * The public map and list (FixMyStreet-style): public categories only, never a name or phone,
 * locations as reported, and a timeline of states (not staff notes, which may name people).
 * Phone and ID numbers a reporter typed into the title or description are masked (as in Open311).
 */
import { maskContactNumbers } from '../../platform/crypto/text-masking';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { mapPage } from '../../platform/page';
import { STATE_LABELS } from './cases.labels';
import { listEvents } from './cases.repo';
import { photosOfCase } from './photos.repo';
import { findPublicCase, listPublicCases, type PublicRow } from './public.repo';
import type { PublicCase, PublicCaseDetail } from './photos.schema';

const PUBLIC_STATES = ['received', 'filed', 'dispatched', 'handling', 'suspended', 'feedback', 'closed'];

const present = (r: PublicRow): PublicCase => ({
  number: r.number,
  title: maskContactNumbers(r.title),
  description: maskContactNumbers(r.description),
  categoryCode: r.category_code,
  categoryName: r.category_name,
  state: r.state as PublicCase['state'],
  stateLabel: STATE_LABELS[r.state as keyof typeof STATE_LABELS],
  lng: r.lng,
  lat: r.lat,
  receivedAt: r.received_at,
  updatedAt: r.updated_at,
  closedAt: r.closed_at,
});

export async function publicCases(
  deps: Deps,
  opts: { bbox?: [number, number, number, number]; state?: string; cursor?: string; limit?: number },
) {
  const rows = await listPublicCases(deps.db, {
    states: opts.state ? [opts.state] : PUBLIC_STATES,
    bbox: opts.bbox,
    cursor: opts.cursor,
    limit: opts.limit,
  });
  return mapPage(rows, present);
}

export async function publicCase(deps: Deps, number: string): Promise<PublicCaseDetail> {
  const r = await findPublicCase(deps.db, PUBLIC_STATES, number);
  if (!r) throw new AppError('not_found', { what: `case ${number}` });
  const events = await listEvents(deps.db, r.id, true);
  const photos = await photosOfCase(deps.db, r.id, true);
  return {
    ...present(r),
    timeline: events.map((e) => ({ at: e.at, type: e.type, state: e.toState as PublicCase['state'] | null })),
    photos: photos.map((p) => `/api/public/photos/${p.id}`),
  };
}
