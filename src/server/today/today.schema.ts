/**
 * The console home's "what needs me today" (今日待办): the contract of GET /api/console/today. Each
 * module that has work waiting for staff contributes its own counts through its manifest
 * (`ServerPart.today`); src/server/today/today.routes.ts joins them, so the home imports no module.
 */
import Type, { type Static } from 'typebox';
import { Closed, literals } from '../platform/http/schema-helpers';

/** How a non-zero count reads: ordinary work, something near its deadline, something past it. Zero is always calm. */
export const TODAY_TONES = ['work', 'warning', 'danger'] as const;
export type TodayTone = (typeof TODAY_TONES)[number];

const Label = Type.Object({ zh: Type.String(), en: Type.String() }, Closed);

/** One count as a module reports it. */
export const TodayCount = Type.Object(
  {
    key: Type.String({ description: 'module-qualified name of the count, e.g. cases.triage' }),
    count: Type.Integer({ minimum: 0 }),
    label: Label,
    hint: Label,
    link: Type.String({
      description: 'the console path of the list behind the count, with its filter (relative to /admin)',
    }),
    tone: literals(TODAY_TONES),
    order: Type.Integer({ description: 'lower first; the module orders its counts for the actor’s roles' }),
  },
  Closed,
);
export type TodayCount = Static<typeof TodayCount>;

export const TodayItem = Type.Object(
  { ...TodayCount.properties, module: Type.String({ description: 'the module that counted it' }) },
  Closed,
);
export type TodayItem = Static<typeof TodayItem>;

export const TodayAnswer = Type.Object(
  {
    items: Type.Array(TodayItem, { description: 'only the counts the actor’s roles give them, most pressing first' }),
    waiting: Type.Integer({ description: 'the sum of the counts: 0 is a calm day' }),
  },
  Closed,
);
export type TodayAnswer = Static<typeof TodayAnswer>;
