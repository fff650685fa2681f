/** The public map and list: cases of public categories in the given states; never a name or phone. */
import type { Queryable } from '../../platform/db/db';
import { DEFAULT_PAGE_LIMIT, decodeCursor, type Page, pageOf } from '../../platform/page';

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

/** Newest first, keyed by (received_at, number), a page at a time; bbox is [west, south, east, north]. */
export async function listPublicCases(
  q: Queryable,
  opts: { states: string[]; bbox?: [number, number, number, number]; cursor?: string; limit?: number },
): Promise<Page<PublicRow>> {
  const limit = opts.limit ?? DEFAULT_PAGE_LIMIT;
  const params: unknown[] = [opts.states];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  let where = '';
  if (opts.bbox) {
    const [w, s, e, n] = opts.bbox;
    where += ` AND c.lng BETWEEN ${p(w)} AND ${p(e)} AND c.lat BETWEEN ${p(s)} AND ${p(n)}`;
  }
  if (opts.cursor) {
    const [at, number] = decodeCursor(opts.cursor, ['date', 'string']);
    where += ` AND (c.received_at, c.number) < (${p(at)}::timestamptz, ${p(number)})`;
  }
  const { rows } = await q.query<PublicRow>(
    `${SELECT}${where} ORDER BY c.received_at DESC, c.number DESC LIMIT ${p(limit + 1)}`,
    params,
  );
  return pageOf(rows, limit, (r) => [r.received_at, r.number]);
}

export async function findPublicCase(q: Queryable, states: string[], number: string): Promise<PublicRow | null> {
  const { rows } = await q.query<PublicRow>(`${SELECT} AND c.number = $2`, [states, number]);
  return rows[0] ?? null;
}
