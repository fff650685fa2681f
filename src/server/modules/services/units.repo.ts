/** Partner units (共驻共建单位), their work groups and embedded cadres, and 一社一品. Queries only. */
import type { Queryable } from '../../platform/db/db';

export async function unitExists(q: Queryable, id: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM service_units WHERE id = $1', [id]);
  return rows.length > 0;
}
