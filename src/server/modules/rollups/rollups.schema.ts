/** The rollups' contract: the case indicators for whole days, summed from the rollup (the indicators' table shape). */
import Type, { type Static } from 'typebox';
import { Closed, literals } from '../../platform/http/schema-helpers';
import { DIMENSIONS, IndicatorTable, SORT_KEYS } from '../indicators';

const Day = (description: string) => Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description });

export const CasesTableQuery = Type.Object(
  {
    by: literals(DIMENSIONS),
    scope: Type.Optional(
      Type.String({ pattern: '^[0-9]{2,24}$', description: 'division code: the subtree counted (default: your own)' }),
    ),
    from: Day('first day counted (YYYY-MM-DD, China Standard Time)'),
    to: Day('first day not counted (exclusive)'),
    sort: Type.Optional(literals(SORT_KEYS)),
  },
  Closed,
);
export type CasesTableQuery = Static<typeof CasesTableQuery>;

export { IndicatorTable };
