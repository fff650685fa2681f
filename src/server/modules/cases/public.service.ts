/**
 * The public map and list (FixMyStreet-style): public categories only, never a name or phone,
 * locations as reported, and a timeline of states (not staff notes, which may name people).
 */
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { STATE_LABELS } from './case-labels';
import { photosOfCase } from './photos.repo';

const PUBLIC_STATES = ['received', 'filed', 'dispatched', 'handling', 'suspended', 'feedback', 'closed'];

interface PublicRow {
  id: string; number: string; title: string; description: string; category_code: string; category_name: string; state: string;
  lng: number; lat: number; received_at: Date; updated_at: Date; closed_at: Date | null;
}

const present = (r: PublicRow) => ({
  number: r.number, title: r.title, description: r.description, categoryCode: r.category_code, categoryName: r.category_name,
  state: r.state, stateLabel: STATE_LABELS[r.state as keyof typeof STATE_LABELS], lng: r.lng, lat: r.lat,
  receivedAt: r.received_at, updatedAt: r.updated_at, closedAt: r.closed_at,
});

const SELECT = `SELECT c.id, c.number, c.title, c.description, c.category_code, g.name AS category_name, c.state, c.lng, c.lat, c.received_at, c.updated_at, c.closed_at
  FROM cases c JOIN categories g ON g.code = c.category_code WHERE c.is_public AND g.is_public AND c.state = ANY($1::text[])`;

export async function publicCases(deps: Deps, opts: { bbox?: [number, number, number, number]; state?: string; limit: number }) {
  const params: unknown[] = [opts.state ? [opts.state] : PUBLIC_STATES];
  let where = '';
  if (opts.bbox) {
    params.push(...opts.bbox);
    where = ' AND c.lng BETWEEN $2 AND $4 AND c.lat BETWEEN $3 AND $5';
  }
  params.push(opts.limit);
  const { rows } = await deps.db.query<PublicRow>(`${SELECT}${where} ORDER BY c.received_at DESC LIMIT $${params.length}`, params);
  return rows.map(present);
}

export async function publicCase(deps: Deps, number: string) {
  const { rows } = await deps.db.query<PublicRow>(`${SELECT} AND c.number = $2`, [PUBLIC_STATES, number]);
  const r = rows[0];
  if (!r) throw new AppError('not_found', { what: `case ${number}` });
  const { rows: events } = await deps.db.query<{ at: Date; type: string; to_state: string | null }>(
    'SELECT at, type, to_state FROM case_events WHERE case_id = $1 AND is_public ORDER BY id', [r.id]);
  const photos = await photosOfCase(deps.db, r.id, true);
  return { ...present(r), timeline: events.map((e) => ({ at: e.at, type: e.type, state: e.to_state })), photos: photos.map((p) => `/api/public/photos/${p.id}`) };
}
