/** The public map and list: cases of public categories in the given states; never a name or phone. */
import type { Queryable } from '../../platform/db/db';

export interface PublicRow {
  id: string;
  number: string;
  title: string;
  description: string;
  category_code: string;
  category_name: string;
  state: string;
  lng: number;
  lat: number;
  received_at: Date;
  updated_at: Date;
  closed_at: Date | null;
}

const SELECT = `SELECT c.id, c.number, c.title, c.description, c.category_code, g.name AS category_name, c.state, c.lng, c.lat, c.received_at, c.updated_at, c.closed_at
  FROM cases c JOIN categories g ON g.code = c.category_code WHERE c.is_public AND g.is_public AND c.state = ANY($1::text[])`;

/** Newest first; bbox is [west, south, east, north]. */
export async function listPublicCases(
  q: Queryable,
  opts: { states: string[]; bbox?: [number, number, number, number]; limit: number },
): Promise<PublicRow[]> {
  const params: unknown[] = [opts.states];
  let where = '';
  if (opts.bbox) {
    params.push(...opts.bbox);
    where = ' AND c.lng BETWEEN $2 AND $4 AND c.lat BETWEEN $3 AND $5';
  }
  params.push(opts.limit);
  const { rows } = await q.query<PublicRow>(
    `${SELECT}${where} ORDER BY c.received_at DESC LIMIT $${params.length}`,
    params,
  );
  return rows;
}

export async function findPublicCase(q: Queryable, states: string[], number: string): Promise<PublicRow | null> {
  const { rows } = await q.query<PublicRow>(`${SELECT} AND c.number = $2`, [states, number]);
  return rows[0] ?? null;
}
