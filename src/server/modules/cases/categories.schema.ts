/** The contract of the category routes: the tree as the apps read it, and what county officers edit. */
import Type, { type Static } from 'typebox';

const Limit = Type.Object(
  {
    amount: Type.Number({ exclusiveMinimum: 0, maximum: 365 }),
    unit: Type.Union([Type.Literal('working_hours'), Type.Literal('working_days'), Type.Literal('calendar_days')]),
  },
  { additionalProperties: false },
);
const Tier = Type.Union([Type.Literal('grid'), Type.Literal('village'), Type.Literal('department')]);
const TimeLimits = Type.Object(
  {
    response: Limit,
    dispatch: Limit,
    handle: Type.Object({ normal: Limit, urgent: Limit, critical: Limit }, { additionalProperties: false }),
    verify: Limit,
  },
  { additionalProperties: false },
);
const ExtraField = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-zA-Z0-9_]{0,30}$' }),
    label: Type.Object(
      { zh: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) },
      { additionalProperties: false },
    ),
    type: Type.Union([Type.Literal('string'), Type.Literal('number'), Type.Literal('boolean'), Type.Literal('enum')]),
    required: Type.Boolean(),
    options: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1 })),
  },
  { additionalProperties: false },
);

const CategoryFields = {
  name: Type.String({ minLength: 1, maxLength: 40 }),
  nameEn: Type.Union([Type.String({ maxLength: 80 }), Type.Null()]),
  synonyms: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20 }),
  defaultTier: Tier,
  departmentKey: Type.Union([Type.String({ pattern: '^[a-z0-9]{2,10}$' }), Type.Null()]),
  timeLimits: TimeLimits,
  extraFields: Type.Array(ExtraField, { maxItems: 20 }),
  isPublic: Type.Boolean(),
};

export const CategoriesQuery = Type.Object(
  { includeInactive: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const CategoryParams = Type.Object({ code: Type.String({ maxLength: 10 }) });
export const NewCategoryBody = Type.Object(CategoryFields, { additionalProperties: false });
export const CategoryPatchBody = Type.Partial(Type.Object({ ...CategoryFields, active: Type.Boolean() }), {
  additionalProperties: false,
});

/** A category as `GET /api/categories` answers it, with what county officers administer. */
export const CategoryView = Type.Object({
  code: Type.String(),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  kind: Type.Union([Type.Literal('major'), Type.Literal('component'), Type.Literal('event'), Type.Literal('local')]),
  name: Type.String(),
  nameEn: Type.Union([Type.String(), Type.Null()]),
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
