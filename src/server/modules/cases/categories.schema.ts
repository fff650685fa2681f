/** The contract of the category routes: the tree as the apps read it, and what county officers edit. */
import Type, { type Static } from 'typebox';
import { Closed, literals, Nullable } from '../../platform/http/schema-helpers';

const Limit = Type.Object(
  {
    amount: Type.Number({ exclusiveMinimum: 0, maximum: 365 }),
    unit: literals(['working_hours', 'working_days', 'calendar_days']),
  },
  Closed,
);
const Tier = literals(['grid', 'village', 'department']);
const TimeLimits = Type.Object(
  {
    response: Limit,
    dispatch: Limit,
    handle: Type.Object({ normal: Limit, urgent: Limit, critical: Limit }, Closed),
    verify: Limit,
  },
  Closed,
);
export const ExtraField = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-zA-Z0-9_]{0,30}$' }),
    label: Type.Object({ zh: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) }, Closed),
    type: literals(['string', 'number', 'boolean', 'enum']),
    required: Type.Boolean(),
    options: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
  },
  Closed,
);

const CategoryFields = {
  name: Type.String({ minLength: 1, maxLength: 40 }),
  nameEn: Nullable(Type.String({ maxLength: 80 })),
  synonyms: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 }),
  defaultTier: Tier,
  departmentKey: Nullable(Type.String({ pattern: '^[a-z0-9]{2,10}$' })),
  timeLimits: TimeLimits,
  extraFields: Type.Array(ExtraField, { maxItems: 20 }),
  isPublic: Type.Boolean(),
};

export const CategoriesQuery = Type.Object({ includeInactive: Type.Optional(Type.Boolean()) }, Closed);
export const CategoryParams = Type.Object({ code: Type.String({ maxLength: 10 }) });
export const NewCategoryBody = Type.Object(CategoryFields, Closed);
export const CategoryPatchBody = Type.Partial(Type.Object({ ...CategoryFields, active: Type.Boolean() }), {
  additionalProperties: false,
});

/** A category as `GET /api/categories` answers it, with what county officers administer. */
export const CategoryView = Type.Object({
  code: Type.String(),
  parentCode: Nullable(Type.String()),
  kind: literals(['major', 'component', 'event', 'local']),
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  synonyms: Type.Array(Type.String()),
  defaultTier: Tier,
  departmentKey: Type.Union([Type.String(), Type.Null()], {
    description: 'the department key without the county prefix (the department is `${county}-${key}`)',
  }),
  timeLimits: TimeLimits,
  extraFields: Type.Array(ExtraField),
  isPublic: Type.Boolean(),
  active: Type.Boolean(),
});

export type CategoryView = Static<typeof CategoryView>;
