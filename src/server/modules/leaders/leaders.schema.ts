/** The 头雁 records' contract: people (两委 posts, training, tiers, plans, 双提升), counts, contests, talks. */
import Type, { type Static } from 'typebox';
import { Closed, literals, Nullable } from '../../platform/http/schema-helpers';
import { NullableDateTime } from '../../platform/http/types';
import { PageOf, PageQueryFields } from '../../platform/page';
import {
  BODIES,
  DIRECTIONS,
  EDUCATIONS,
  ENTRANT_KINDS,
  OUTCOMES,
  POSTS,
  TEAMS,
  TIERS,
  UPGRADE_KINDS,
} from './leaders.labels';

const Code = Type.String({ pattern: '^[0-9]{2,12}$', description: 'division code' });
const Day = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'a date, YYYY-MM-DD' });
const Uuid = Type.String({ format: 'uuid' });
const Name = Type.String({ minLength: 1, maxLength: 40 });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Progress = Type.Integer({ minimum: 0, maximum: 100, description: 'percent' });
const Teams = Type.Array(literals(TEAMS), { maxItems: 6, uniqueItems: true, description: '六支队伍' });

export const PersonBody = Type.Object(
  {
    villageCode: Code,
    residentId: Type.Optional(Type.String({ format: 'uuid', description: 'the person on the register, if any' })),
    name: Type.Optional(Name),
    gender: Type.Optional(literals(['M', 'F'] as const)),
    birthDate: Type.Optional(Day),
    phone: Type.Optional(Type.String({ maxLength: 20, description: 'for a person not on the register' })),
    education: literals(EDUCATIONS),
    teams: Teams,
    mentor: Type.Optional(Name),
  },
  Closed,
);
export type PersonBody = Static<typeof PersonBody>;

export const PersonPatch = Type.Object(
  {
    education: Type.Optional(literals(EDUCATIONS)),
    teams: Type.Optional(Teams),
    mentor: Type.Optional(Nullable(Name)),
  },
  Closed,
);
export type PersonPatch = Static<typeof PersonPatch>;

export const PersonQuery = Type.Object(
  {
    scope: Type.Optional(Code),
    team: Type.Optional(literals(TEAMS)),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: 'part of the name' })),
    ...PageQueryFields,
  },
  Closed,
);
export type PersonQuery = Static<typeof PersonQuery>;
export const ExportQuery = Type.Object({ scope: Type.Optional(Code), team: Type.Optional(literals(TEAMS)) }, Closed);

export const PostLine = Type.Object(
  { id: Uuid, body: literals(BODIES), post: literals(POSTS), termStart: Day, termEnd: Day, overlap: Type.Boolean() },
  Closed,
);
export type PostLine = Static<typeof PostLine>;

export const PersonLine = Type.Object(
  {
    id: Uuid,
    villageCode: Type.String(),
    villageName: Type.String(),
    name: Type.String(),
    gender: Nullable(Type.String()),
    birthDate: Nullable(Type.String()),
    education: literals(EDUCATIONS),
    teams: Type.Array(literals(TEAMS)),
    onRegister: Type.Boolean({ description: 'linked to a person of the population register' }),
    phoneMasked: Nullable(Type.String()),
    idMasked: Nullable(Type.String()),
    mentor: Nullable(Type.String()),
    posts: Type.Array(PostLine),
  },
  Closed,
);
export type PersonLine = Static<typeof PersonLine>;
export const PersonPage = PageOf(PersonLine);

export const TierLine = Type.Object(
  {
    id: Uuid,
    personId: Uuid,
    personName: Type.String(),
    villageCode: Type.String(),
    villageName: Type.String(),
    direction: literals(DIRECTIONS),
    tier: literals(TIERS),
    reason: Type.String(),
    periodStart: Day,
    periodEnd: Day,
    reviewOn: Day,
    outcome: Nullable(literals(OUTCOMES)),
    outcomeNote: Nullable(Type.String()),
    reviewedAt: NullableDateTime,
    due: Type.Boolean({ description: 'not reviewed, review date within 30 days or past' }),
  },
  Closed,
);
export type TierLine = Static<typeof TierLine>;
export const TierPage = PageOf(TierLine);
export const DueQuery = Type.Object({ scope: Type.Optional(Code), ...PageQueryFields }, Closed);

export const Training = Type.Object({ id: Uuid, course: Type.String(), hours: Type.Integer(), trainedOn: Day }, Closed);
export const Goal = Type.Object(
  { id: Uuid, goal: Type.String(), dueOn: Day, progress: Type.Integer(), overdue: Type.Boolean() },
  Closed,
);
export const Upgrade = Type.Object(
  { kind: literals(UPGRADE_KINDS), target: Type.String(), progress: Type.Integer() },
  Closed,
);
export const PersonRecord = Type.Object(
  {
    person: PersonLine,
    trainings: Type.Array(Training),
    tiers: Type.Array(TierLine),
    goals: Type.Array(Goal),
    upgrades: Type.Array(Upgrade),
  },
  Closed,
);
export type PersonRecord = Static<typeof PersonRecord>;

export const PostBody = Type.Object(
  { body: literals(BODIES), post: literals(POSTS), termStart: Day, termEnd: Day },
  Closed,
);
export const TrainingBody = Type.Object(
  { course: Text(100), hours: Type.Integer({ minimum: 1, maximum: 2000 }), trainedOn: Day },
  Closed,
);
export const TierBody = Type.Object(
  {
    direction: literals(DIRECTIONS),
    tier: literals(TIERS),
    reason: Text(300),
    periodStart: Day,
    periodEnd: Day,
    reviewOn: Day,
  },
  Closed,
);
export type TierBody = Static<typeof TierBody>;
export const ReviewBody = Type.Object({ outcome: literals(OUTCOMES), note: Type.Optional(Text(300)) }, Closed);
export const GoalBody = Type.Object({ goal: Text(200), dueOn: Day }, Closed);
export const ProgressBody = Type.Object({ progress: Progress }, Closed);
export const UpgradeBody = Type.Object(
  { kind: literals(UPGRADE_KINDS), target: Text(100), progress: Progress },
  Closed,
);
export const Created = Type.Object({ id: Type.String() }, Closed);

export const ScopeQuery = Type.Object({ scope: Type.Optional(Code) }, Closed);
const TeamCounts = Type.Object(
  Object.fromEntries(TEAMS.map((t) => [t, Type.Integer()])) as Record<
    (typeof TEAMS)[number],
    ReturnType<typeof Type.Integer>
  >,
  Closed,
);
export const TeamCountsResult = Type.Object(
  {
    scope: Type.String(),
    rows: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), counts: TeamCounts }, Closed)),
    total: TeamCounts,
  },
  { ...Closed, description: '六支队伍 counts per village (of a town) or per town (of a county)' },
);
export type TeamCountsResult = Static<typeof TeamCountsResult>;
const Mean = Type.Object(
  { people: Type.Integer(), mean: Type.String({ description: 'mean progress, percent' }) },
  Closed,
);
export const UpgradeProgressResult = Type.Object(
  {
    scope: Type.String(),
    rows: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), education: Mean, ability: Mean }, Closed)),
    total: Type.Object({ education: Mean, ability: Mean }, Closed),
  },
  Closed,
);
export type UpgradeProgressResult = Static<typeof UpgradeProgressResult>;

// ---- 擂台赛 and 宣讲团 ----

export const ContestBody = Type.Object(
  {
    scopeCode: Code,
    title: Text(100),
    heldOn: Day,
    entrantKind: literals(ENTRANT_KINDS),
    criteria: Type.Array(
      Type.Object(
        {
          name: Text(40),
          minScore: Type.Integer({ minimum: -1000, maximum: 1000 }),
          maxScore: Type.Integer({ minimum: -1000, maximum: 1000 }),
        },
        Closed,
      ),
      { minItems: 1, maxItems: 20 },
    ),
    entrants: Type.Array(
      Type.Object({ name: Name, villageCode: Type.Optional(Code), personId: Type.Optional(Uuid) }, Closed),
      { minItems: 1, maxItems: 200 },
    ),
  },
  Closed,
);
export type ContestBody = Static<typeof ContestBody>;
export const ContestLine = Type.Object(
  {
    id: Uuid,
    scopeCode: Type.String(),
    title: Type.String(),
    heldOn: Day,
    entrantKind: literals(ENTRANT_KINDS),
    entrants: Type.Integer(),
  },
  Closed,
);
export const ContestPage = PageOf(ContestLine);
export const ListQuery = Type.Object({ scope: Type.Optional(Code), ...PageQueryFields }, Closed);
export type ListQuery = Static<typeof ListQuery>;
export const ContestDetail = Type.Object(
  {
    contest: ContestLine,
    criteria: Type.Array(
      Type.Object(
        { position: Type.Integer(), name: Type.String(), minScore: Type.Integer(), maxScore: Type.Integer() },
        Closed,
      ),
    ),
    entrants: Type.Array(Type.Object({ id: Uuid, name: Type.String() }, Closed)),
    scoredByMe: Type.Array(Uuid, { description: 'the entrants the caller has scored' }),
    ranking: Type.Array(
      Type.Object(
        {
          entrantId: Uuid,
          name: Type.String(),
          position: Type.Integer(),
          judges: Type.Integer(),
          score: Type.String({ description: 'mean of the judges’ totals, 2 decimals (ranked exactly)' }),
        },
        Closed,
      ),
    ),
  },
  Closed,
);
export type ContestDetail = Static<typeof ContestDetail>;
export const ScoreBody = Type.Object(
  {
    entrantId: Uuid,
    scores: Type.Array(Type.Object({ position: Type.Integer(), score: Type.Number() }, Closed), {
      minItems: 1,
      maxItems: 20,
    }),
  },
  Closed,
);
export type ScoreBody = Static<typeof ScoreBody>;

export const TalkBody = Type.Object(
  {
    scopeCode: Code,
    speaker: Name,
    topic: Text(100),
    place: Text(100),
    heldOn: Day,
    audience: Type.Integer({ minimum: 0, maximum: 100000 }),
  },
  Closed,
);
export type TalkBody = Static<typeof TalkBody>;
export const TalkLine = Type.Object(
  {
    id: Uuid,
    scopeCode: Type.String(),
    scopeName: Type.String(),
    speaker: Type.String(),
    topic: Type.String(),
    place: Type.String(),
    heldOn: Day,
    audience: Type.Integer(),
  },
  Closed,
);
export const TalkPage = PageOf(TalkLine);
export type ContestLine = Static<typeof ContestLine>;
export type TalkLine = Static<typeof TalkLine>;
