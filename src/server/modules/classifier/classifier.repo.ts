/** SQL for the classifier: the county's cases whose category staff confirmed (labelled data). */
import type { Queryable } from '../../platform/db/db';

export interface ConfirmedCase {
  id: string;
  title: string;
  description: string;
  categoryCode: string;
  /** The category's county department key, or its major class's when it has none. */
  departmentKey: string | null;
  state: string;
}

/** Cases of the county whose category staff confirmed when filing (立案): filed or further along, or closed (结案). */
export async function confirmedCases(q: Queryable, countyCode: string): Promise<ConfirmedCase[]> {
  const { rows } = await q.query<ConfirmedCase>(
    `SELECT c.id, c.title, c.description, c.category_code AS "categoryCode", c.state,
            COALESCE(cat.department_key, parent.department_key) AS "departmentKey"
       FROM cases c
       JOIN categories cat ON cat.code = c.category_code
       LEFT JOIN categories parent ON parent.code = cat.parent_code
      WHERE c.category_confirmed AND c.division_code LIKE $1 || '%'
        AND c.state IN ('filed', 'dispatched', 'handling', 'suspended', 'feedback', 'closed')
      ORDER BY c.received_at, c.id`,
    [countyCode],
  );
  return rows;
}
