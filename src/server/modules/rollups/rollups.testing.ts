/** Helpers of the rollups' tests: delivering the rollup's messages, reading the rollup and the raw figures. */
import type { Database } from '../../platform/db/db';
import { deliverOutbox } from '../../platform/outbox/outbox';
import type { Deps } from '../../platform/deps';
import { FIGURE_COLUMNS } from './rollups.domain';
import { casesChangedHandler, verifyRollups } from './rollups.service';

/** Delivers every due rollups message (and only those). */
export async function deliverRollups(deps: Deps, now: Date): Promise<number> {
  const s = casesChangedHandler(deps);
  let delivered = 0;
  for (;;) {
    const r = await deliverOutbox(deps.db, { [s.topic]: s.handler }, now, 1000);
    if (r.failed) throw new Error('a rollups message failed');
    delivered += r.delivered;
    if (r.delivered === 0) return delivered;
  }
}

/** Every non-zero row of each grain, in key order (zero rows left by moves are as good as absent). */
export async function rollupRows(db: Database): Promise<Record<string, unknown>[]> {
  const nonZero = FIGURE_COLUMNS.map((c) => `${c} <> 0`).join(' OR ');
  const { rows } = await db.owner.query(
    `SELECT 'fine' AS grain, division_code AS place, to_char(day, 'YYYY-MM-DD') AS day, grid_code, category_code, department_code,
            ${FIGURE_COLUMNS.join(', ')} FROM case_rollups WHERE ${nonZero}
     UNION ALL
     SELECT 'village', village_code, to_char(day, 'YYYY-MM-DD'), '*', '*', '*', ${FIGURE_COLUMNS.join(', ')}
       FROM case_rollups_village WHERE ${nonZero}
     UNION ALL
     SELECT 'month', town_code, to_char(month, 'YYYY-MM-DD'), '*', category_code, department_code, ${FIGURE_COLUMNS.join(', ')}
       FROM case_rollups_month WHERE ${nonZero}
     ORDER BY 1, 2, 3, 4, 5, 6`,
  );
  return rows.map((r) => ({ ...r, handling_seconds: Number(r.handling_seconds) }));
}

/** The figures of one day (CST) summed over every place, category and department; `by` groups them (groups of zeros left out). */
export async function dayFigures(
  db: Database,
  day: string,
  by = "''",
): Promise<Record<string, Record<string, number>>> {
  const { rows } = await db.owner.query<Record<string, number> & { k: string }>(
    `SELECT ${by} AS k, ${FIGURE_COLUMNS.map((c) => `sum(${c})::float8 AS ${c}`).join(', ')}
       FROM case_rollups WHERE day = $1::date
      GROUP BY 1 HAVING ${FIGURE_COLUMNS.map((c) => `sum(${c}) <> 0`).join(' OR ')} ORDER BY 1`,
    [day],
  );
  return Object.fromEntries(rows.map(({ k, ...r }) => [k, r]));
}

/** The differences between rollup and raw over every day (none expected). */
export async function differencesEverywhere(db: Database) {
  return (await verifyRollups(db, { from: null, to: null })).differences;
}
