/** The contract of 村规民约 / 居民公约: covenants, versions, articles, the diff, adoption and the article reference. */
import Type, { type Static } from 'typebox';
import { Closed, Nullable, literals } from '../../platform/http/schema-helpers';
import { DateTime } from '../../platform/http/types';
import { PageOf, PageQueryFields } from '../../platform/page';
import { CHANGE_KINDS, COVENANT_KINDS, VERSION_STATES } from './covenants.labels';

export const Village = Type.String({ pattern: '^[0-9]{12}$', description: 'the village or community (12 digits)' });
export const Day = Type.String({
  format: 'date',
  pattern: '^(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}$',
  description: 'a date, YYYY-MM-DD (1900–2099)',
});

export const ScopeQuery = Type.Object(
  { scope: Type.Optional(Type.String({ pattern: '^[0-9]{6,12}$' })), ...PageQueryFields },
  Closed,
);

export const NewCovenant = Type.Object(
  { divisionCode: Village, kind: literals(COVENANT_KINDS), title: Type.String({ minLength: 1, maxLength: 100 }) },
  Closed,
);
export type NewCovenantInput = Static<typeof NewCovenant>;

export const ArticleInput = Type.Object(
  {
    number: Type.Integer({ minimum: 1, maximum: 500 }),
    chapter: Type.Optional(Type.String({ maxLength: 100, description: '章 (optional)' })),
    body: Type.String({ maxLength: 2000 }),
    maxTables: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 1000, description: '红白事: most tables' }))),
    maxDays: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 30, description: '红白事: most days' }))),
  },
  Closed,
);
export const ArticlesBody = Type.Object({ articles: Type.Array(ArticleInput, { maxItems: 500 }) }, Closed);
export type ArticlesInput = Static<typeof ArticlesBody>;

export const Article = Type.Object(
  {
    number: Type.Integer(),
    chapter: Type.String(),
    body: Type.String(),
    maxTables: Nullable(Type.Integer()),
    maxDays: Nullable(Type.Integer()),
  },
  Closed,
);

export const NewVersion = Type.Object(
  { label: Type.String({ minLength: 1, maxLength: 100, description: 'e.g. 2026年修订' }) },
  Closed,
);

export const AdoptBody = Type.Object(
  {
    matterId: Type.String({ format: 'uuid', description: 'the 四议两公开 matter whose resolution adopted it' }),
    adoptedOn: Type.Optional(Day),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  Closed,
);
export type AdoptInput = Static<typeof AdoptBody>;

export const VersionSummary = Type.Object(
  {
    id: Type.String(),
    covenantId: Type.String(),
    seq: Type.Integer(),
    label: Type.String(),
    state: literals(VERSION_STATES),
    matterId: Nullable(Type.String()),
    matterTitle: Nullable(Type.String()),
    adoptionNote: Type.String(),
    adoptedOn: Nullable(Type.String()),
    supersededOn: Nullable(Type.String()),
    createdAt: DateTime,
    articleCount: Type.Integer(),
  },
  Closed,
);

export const Version = Type.Object(
  {
    ...VersionSummary.properties,
    divisionCode: Type.String(),
    divisionName: Type.String(),
    title: Type.String(),
    articles: Type.Array(Article),
    actions: Type.Array(literals(['edit', 'adopt'])),
  },
  Closed,
);
export type VersionView = Static<typeof Version>;

export const CovenantSummary = Type.Object(
  {
    id: Type.String(),
    divisionCode: Type.String(),
    divisionName: Type.String(),
    kind: literals(COVENANT_KINDS),
    title: Type.String(),
    createdAt: DateTime,
  },
  Closed,
);
export const CovenantPage = PageOf(CovenantSummary);

export const Covenant = Type.Object(
  {
    ...CovenantSummary.properties,
    versions: Type.Array(VersionSummary),
    actions: Type.Array(literals(['draft'])),
  },
  Closed,
);
export type CovenantView = Static<typeof Covenant>;

export const DiffQuery = Type.Object(
  { from: Type.String({ format: 'uuid' }), to: Type.String({ format: 'uuid' }) },
  Closed,
);
export const Diff = Type.Object(
  {
    from: VersionSummary,
    to: VersionSummary,
    changes: Type.Array(
      Type.Object(
        {
          kind: literals(CHANGE_KINDS),
          from: Nullable(Type.Integer()),
          to: Nullable(Type.Integer()),
          before: Nullable(Article),
          after: Nullable(Article),
        },
        Closed,
      ),
    ),
  },
  Closed,
);

export const ArticleRefParams = Type.Object(
  { versionId: Type.String({ format: 'uuid' }), number: Type.Integer({ minimum: 1, maximum: 500 }) },
  Closed,
);
/** A stable reference to an article (version id + number), resolved to its text. */
export const ArticleRef = Type.Object(
  {
    versionId: Type.String(),
    number: Type.Integer(),
    divisionCode: Type.String(),
    divisionName: Type.String(),
    title: Type.String(),
    versionLabel: Type.String(),
    versionState: literals(VERSION_STATES),
    article: Article,
  },
  Closed,
);

export const MyCovenant = Type.Object(
  {
    divisionName: Nullable(Type.String()),
    title: Nullable(Type.String()),
    kind: Nullable(literals(COVENANT_KINDS)),
    version: Nullable(Type.Object({ id: Type.String(), label: Type.String(), adoptedOn: Type.String() }, Closed)),
    articles: Type.Array(Article),
  },
  Closed,
);
export type MyCovenantView = Static<typeof MyCovenant>;
