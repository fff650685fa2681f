/** The collective economy's look-up for the cockpit (#17). */
import type { Queryable } from '../../platform/db/db';

/** Whether any income was ever entered for a village under the scope (else the panel reads 尚无数据). */
export async function anyIncome(q: Queryable, pattern: string): Promise<boolean> {
  const { rows } = await q.query(`SELECT 1 FROM economy_incomes WHERE village_code LIKE $1 LIMIT 1`, [pattern]);
  return rows.length > 0;
}
