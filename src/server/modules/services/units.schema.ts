/** The contract of the partner-register and 一社一品 routes (issue #14 items 1 and 7). */
import Type, { type Static } from 'typebox';
import { Closed, literals, Nullable } from '../../platform/http/schema-helpers';
import { DateTime } from '../../platform/http/types';
import { PageOf, PageQueryFields } from '../../platform/page';
import { UNIT_KINDS } from './services.labels';

const Record_ = {
  activities: Type.Integer(),
  hours: Type.Number(),
  errands: Type.Integer({ description: 'errands done' }),
  thanks: Type.Integer({ description: '锦旗 and 表扬 received' }),
};

export const Unit = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    kind: literals(UNIT_KINDS),
    scopeCode: Type.String(),
    contact: Type.String(),
    cadres: Type.Integer(),
    groups: Type.Integer(),
    activitiesOrganised: Type.Integer(),
    cadreActivities: Type.Integer(),
    cadreHours: Type.Number(),
    errandsDone: Type.Integer(),
    thanks: Type.Integer(),
  },
  Closed,
);
export type Unit = Static<typeof Unit>;
export const UnitPage = PageOf(Unit);

export const Cadre = Type.Object(
  {
    id: Type.String(),
    unitId: Type.String(),
    unitCode: Type.String(),
    unitName: Type.String(),
    name: Type.String(),
    phoneMasked: Type.String(),
    communityCode: Type.String(),
    communityName: Type.String(),
    gridCode: Nullable(Type.String()),
    since: Type.String({ format: 'date' }),
    workGroupName: Nullable(Type.String()),
    ...Record_,
    visits: Type.Integer({
      description: '九必问 visits made (care module), through the account with the cadre’s phone',
    }),
    visitsOverdue: Type.Integer({ description: '九必问 visits assigned to the cadre and past due' }),
  },
  Closed,
);
export type Cadre = Static<typeof Cadre>;
export const CadrePage = PageOf(Cadre);
export const CadreQuery = Type.Object(
  { ...PageQueryFields, unitId: Type.Optional(Type.String({ format: 'uuid' })) },
  Closed,
);

export const Group = Type.Object(
  {
    id: Type.String(),
    unitCode: Type.String(),
    unitName: Type.String(),
    name: Type.String(),
    leader: Type.String(),
    villages: Type.Array(Type.String()),
  },
  Closed,
);
export const GroupList = Type.Array(Group);

export const PartnerSheetParams = Type.Object({ sheet: literals(['units', 'groups', 'cadres']) }, Closed);
export const Signature = Type.Object(
  {
    divisionCode: Type.String(),
    divisionName: Type.String(),
    name: Type.String(),
    description: Type.String(),
    updatedAt: DateTime,
  },
  Closed,
);
export type Signature = Static<typeof Signature>;
export const SignatureList = Type.Array(Signature);
export const SignatureParams = Type.Object({ code: Type.String({ pattern: '^[0-9]{6,12}$' }) }, Closed);
export const SignatureInput = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 60 }), description: Type.String({ maxLength: 2000 }) },
  Closed,
);
export type SignatureInput = Static<typeof SignatureInput>;
