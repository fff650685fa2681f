/** The divisions module's HTTP contract: one division and its children (public). */
import Type, { type Static } from 'typebox';
import { DIVISION_KINDS, type DivisionKind } from './divisions.labels';
import { Nullable } from '../../platform/http/schema-helpers';

export const DivisionSchema = Type.Object(
  {
    code: Type.String({ description: 'national statistical code (2/4/6/9/12 digits; grids 15)' }),
    name: Type.String(),
    kind: Type.Unsafe<DivisionKind>(
      Type.Union(
        DIVISION_KINDS.map((k) => Type.Literal(k)),
        { description: DIVISION_KINDS.join(' | ') },
      ),
    ),
    level: Type.Integer({ description: '1 province … 5 village/community, 6 grid' }),
    parentCode: Nullable(Type.String()),
    childCount: Type.Integer(),
  },
  { description: 'A division of the national statistical tree' },
);
export type Division = Static<typeof DivisionSchema>;

export const DivisionParams = Type.Object({ code: Type.String({ pattern: '^[0-9]{2,15}$' }) });

/**
 * The children of one division, whole: bounded by design (a county has tens of towns, a town some
 * hundreds of villages at the most), and pickers and trees need them all at once.
 */
export const DivisionChildren = Type.Array(DivisionSchema);
