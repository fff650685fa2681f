/** Livelihood projects' contract: create, the board (a keyset page), a project page, milestones, supervision. */
import Type, { type Static } from 'typebox';
import { Closed, literals, Nullable } from '../../platform/http/schema-helpers';
import { DateTime, NullableDateTime } from '../../platform/http/types';
import { Day as CstDay } from '../../platform/drill';
import { PageOf, PageQueryFields } from '../../platform/page';
import { FUND_SOURCES, PROJECT_STATUSES } from './projects.labels';

const Code = Type.String({ pattern: '^[0-9]{6,12}$', description: 'division code (county, town or village)' });
const Title = Type.String({ minLength: 1, maxLength: 100 });
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD (China Standard Time)' });
const Fen = Type.Integer({ minimum: 1, maximum: 1e13, description: 'an amount in fen (分, 0.01 yuan)' });
/** Checked by the service (projects_progress_out_of_range / projects_rating_out_of_range), so the refusal names the rule. */
const Percent = Type.Integer({ description: 'progress in whole percent, 0–100' });
const Stars = Type.Integer({ description: '1–5' });

export const NewMilestone = Type.Object(
  {
    title: Title,
    dueOn: Day,
    weight: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'weight in the roll-up (default 1)' })),
    progress: Type.Optional(Percent),
  },
  Closed,
);

export const NewProjectBody = Type.Object(
  {
    placeCode: Code,
    title: Title,
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    budgetFen: Fen,
    funds: Type.Array(
      Type.Object(
        { source: literals(FUND_SOURCES), amountFen: Fen, note: Type.Optional(Type.String({ maxLength: 200 })) },
        Closed,
      ),
      { minItems: 1, maxItems: 20 },
    ),
    startsOn: Day,
    dueOn: Day,
    milestones: Type.Array(NewMilestone, { minItems: 1, maxItems: 50 }),
    supervisors: Type.Optional(
      Type.Array(Type.String({ format: 'uuid' }), { maxItems: 30, description: 'residents: 村民代表 of the village' }),
    ),
  },
  Closed,
);
export type NewProjectBody = Static<typeof NewProjectBody>;

export const BoardQuery = Type.Object(
  {
    scope: Type.Optional(Code),
    from: Type.Optional(CstDay('with `to`: projects under way in the period (a cockpit drill), first day (CST)')),
    to: Type.Optional(CstDay('with `from`: the last day (CST)')),
    ...PageQueryFields,
  },
  Closed,
);
export type BoardQuery = Static<typeof BoardQuery>;
export const NearQuery = Type.Object(
  { place: Type.Optional(Type.String({ pattern: '^[0-9]{6,15}$' })), ...PageQueryFields },
  Closed,
);
export type NearQuery = Static<typeof NearQuery>;

const Ratings = Type.Object(
  {
    count: Type.Integer(),
    progressTenths: Nullable(Type.Integer({ description: 'mean progress rating × 10' })),
    qualityTenths: Nullable(Type.Integer({ description: 'mean quality rating × 10' })),
    qualityHistogram: Type.Array(Type.Integer()),
  },
  Closed,
);

export const ProjectLine = Type.Object(
  {
    id: Type.String(),
    placeCode: Type.String(),
    placeName: Type.String(),
    title: Type.String(),
    budgetFen: Type.Integer(),
    startsOn: Type.String(),
    dueOn: Type.String(),
    progress: Type.Integer({ description: 'rolled up from the milestones, whole percent' }),
    status: literals(PROJECT_STATUSES),
    createdAt: DateTime,
  },
  Closed,
);
export type ProjectLine = Static<typeof ProjectLine>;
export const ProjectPage = PageOf(ProjectLine);

export const Milestone = Type.Object(
  {
    id: Type.String(),
    title: Type.String(),
    dueOn: Type.String(),
    weight: Type.Integer(),
    progress: Type.Integer(),
    late: Type.Boolean(),
    doneAt: NullableDateTime,
  },
  Closed,
);

export const ProjectDetail = Type.Object(
  {
    project: Type.Object({ ...ProjectLine.properties, description: Type.String() }, Closed),
    funds: Type.Array(
      Type.Object({ source: literals(FUND_SOURCES), amountFen: Type.Integer(), note: Nullable(Type.String()) }, Closed),
    ),
    milestones: Type.Array(Milestone),
    photos: Type.Array(Type.Object({ id: Type.String(), url: Type.String() }, Closed)),
    supervisors: Type.Array(
      Type.Object(
        {
          residentId: Nullable(Type.String({ description: 'only for the project’s officers' })),
          name: Type.String({ description: 'masked (王*) except for the project’s officers' }),
          rated: Type.Boolean(),
        },
        Closed,
      ),
    ),
    ratings: Ratings,
    comments: Type.Array(
      Type.Object(
        { progress: Type.Integer(), quality: Type.Integer(), comment: Type.String(), ratedAt: DateTime },
        Closed,
      ),
    ),
    myRating: Nullable(
      Type.Object({ progress: Type.Integer(), quality: Type.Integer(), comment: Nullable(Type.String()) }, Closed),
    ),
    actions: Type.Array(literals(['manage', 'rate'] as const)),
  },
  Closed,
);
export type ProjectDetail = Static<typeof ProjectDetail>;

export const MilestoneParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), milestoneId: Type.String({ format: 'uuid' }) },
  Closed,
);
export const ProgressBody = Type.Object({ progress: Percent }, Closed);
export const SupervisorsBody = Type.Object(
  { residentIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 30 }) },
  Closed,
);
export const RatingBody = Type.Object(
  { progress: Stars, quality: Stars, comment: Type.Optional(Type.String({ maxLength: 500 })) },
  Closed,
);
export type RatingBody = Static<typeof RatingBody>;

export const Representatives = Type.Array(
  Type.Object(
    { residentId: Type.String(), name: Type.String(), villageCode: Type.String(), villageName: Type.String() },
    Closed,
  ),
);
export const Created = Type.Object({ id: Type.String() }, Closed);
export const PhotoParams = Type.Object(
  { id: Type.String({ format: 'uuid' }), photoId: Type.String({ format: 'uuid' }) },
  Closed,
);
