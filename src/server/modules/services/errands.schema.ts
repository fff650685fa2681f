/** The contract of the red-errand routes (红色代办, issue #14 item 3); the web imports its `Static<>` types. */
import { DrillQueryFields } from '../../platform/drill';
import Type, { type Static } from 'typebox';
import { Closed, literals, Nullable } from '../../platform/http/schema-helpers';
import { DateTime, NullableDateTime } from '../../platform/http/types';
import { PageOf, PageQueryFields } from '../../platform/page';
import { ERRAND_ACTIONS, ERRAND_STATES, THANKS_KINDS } from './services.labels';

const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

export const ErrandItem = Type.Object(
  {
    id: Type.String(),
    code: Type.String(),
    name: Type.String(),
    kind: Type.String(),
    documents: Type.Array(Type.String()),
    timeLimitDays: Type.Integer({ description: 'normal time limit in working days' }),
    active: Type.Boolean(),
  },
  Closed,
);
export type ErrandItem = Static<typeof ErrandItem>;
export const ErrandItemList = Type.Array(ErrandItem);
export const ErrandItemInput = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$' }),
    name: Text(100),
    kind: Text(40),
    documents: Type.Array(Text(100), { maxItems: 30 }),
    timeLimitDays: Type.Integer({ minimum: 1, maximum: 60 }),
    active: Type.Boolean(),
  },
  Closed,
);
export type ErrandItemInput = Static<typeof ErrandItemInput>;

export const ErrandRequest = Type.Object(
  {
    itemId: Type.String({ format: 'uuid' }),
    divisionCode: Type.String({ pattern: '^[0-9]{12,15}$', description: 'the village (or grid) where it is needed' }),
    notes: Type.Optional(Text(2000, 0)),
    documents: Type.Optional(Type.Array(Text(100), { maxItems: 30, description: 'documents the resident has ready' })),
    residentPhone: Type.Optional(
      Type.String({ pattern: '^1[3-9][0-9]{9}$', description: 'staff asking for a resident: the resident’s phone' }),
    ),
    reason: Type.Optional(Text(500, 0)),
  },
  Closed,
);
export type ErrandRequest = Static<typeof ErrandRequest>;

const Summary = {
  id: Type.String(),
  number: Type.String(),
  itemId: Type.String(),
  itemName: Type.String(),
  divisionCode: Type.String(),
  divisionName: Type.String(),
  requesterName: Type.String(),
  onBehalf: Type.Boolean({ description: 'asked by staff for the resident' }),
  state: literals(ERRAND_STATES),
  handlerId: Nullable(Type.String()),
  handlerName: Nullable(Type.String()),
  dueAt: DateTime,
  overdue: Type.Boolean({ description: 'not finished and past its due time, or finished after it' }),
  finishedAt: NullableDateTime,
  outcome: Nullable(Type.String()),
  rating: Nullable(Type.Integer()),
  thanks: Nullable(literals(THANKS_KINDS)),
  createdAt: DateTime,
  actions: Type.Array(literals(ERRAND_ACTIONS)),
};
export const ErrandSummary = Type.Object(Summary, Closed);
export type ErrandSummary = Static<typeof ErrandSummary>;
export const ErrandPage = PageOf(ErrandSummary);

export const ErrandEvent = Type.Object(
  { at: DateTime, actorName: Nullable(Type.String()), kind: Type.String(), note: Nullable(Type.String()) },
  Closed,
);
export const ErrandDetail = Type.Object(
  {
    ...Summary,
    onBehalfReason: Nullable(Type.String()),
    notes: Type.String(),
    documents: Type.Array(Type.String()),
    documentsNeeded: Type.Array(Type.String()),
    ratingComment: Nullable(Type.String()),
    events: Type.Array(ErrandEvent),
  },
  Closed,
);
export type ErrandDetail = Static<typeof ErrandDetail>;

export const ErrandQuery = Type.Object({ ...PageQueryFields, state: Type.Optional(literals(ERRAND_STATES)) }, Closed);
export type ErrandQuery = Static<typeof ErrandQuery>;
/** The errand board's query: also a place (within the actor's) and a period (asked in it; with state=done, finished in it). */
export const ErrandBoardQuery = Type.Object(
  { ...PageQueryFields, state: Type.Optional(literals(ERRAND_STATES)), ...DrillQueryFields },
  Closed,
);
export type ErrandBoardQuery = Static<typeof ErrandBoardQuery>;

export const AssignBody = Type.Object({ handlerId: Type.String({ format: 'uuid' }) }, Closed);
export const NoteBody = Type.Object({ note: Text(1000) }, Closed);
export const OptionalNoteBody = Type.Object({ note: Type.Optional(Text(1000, 0)) }, Closed);
export const FinishBody = Type.Object({ success: Type.Boolean(), outcome: Text(1000) }, Closed);
export const RateBody = Type.Object(
  {
    rating: Type.Integer({ minimum: 1, maximum: 5 }),
    comment: Type.Optional(Text(500, 0)),
    thanks: Type.Optional(literals(THANKS_KINDS, { description: '锦旗 or 表扬: counted for the handler' })),
  },
  Closed,
);
export type RateBody = Static<typeof RateBody>;

export const HandlerCandidate = Type.Object(
  {
    userId: Type.String(),
    displayName: Type.String(),
    phoneMasked: Nullable(Type.String()),
    source: literals(['party_member', 'cadre']),
  },
  Closed,
);
export const HandlerCandidates = Type.Array(HandlerCandidate);
