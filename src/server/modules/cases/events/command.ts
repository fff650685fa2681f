/**
 * One command per case event (the Decidim command-per-use-case shape): its request schema, who may
 * take it, what it looks up, its pure step (the machine's transition, the case's patch, the
 * timeline's data) and who is told. loop.service.ts runs every command the same way.
 */
import type { Static, TSchema } from 'typebox';
import Type from 'typebox';
import type { Actor, UserActor } from '../../../platform/actor';
import type { OfficeHours } from '../../../platform/calendar/working-time';
import type { Queryable } from '../../../platform/db/db';
import type { Deps } from '../../../platform/deps';
import type { Category } from '../categories.repo';
import {
  type CaseEvent,
  type CaseEventType,
  type CaseSnapshot,
  type CaseState,
  type TransitionResult,
  transition,
} from '../case-machine';
import type { CasePatch, CaseRow } from '../cases.repo';
import { Closed } from '../../../platform/http/schema-helpers';

export const Note = Type.String({ minLength: 1, maxLength: 2000 });

/** The pure step's world: the clock, the case's current category, the county's settings. */
export interface ApplyEnv {
  now: Date;
  actorLabel: string;
  /** the category the case is under before this event */
  category: Category;
  countyCode: string;
  officeHours: OfficeHours;
  reopenWindowMs: number;
}

/** What the loop writes: the case's patch, the timeline entry's note and data. */
export interface Step {
  ok: true;
  toState: CaseState;
  patch: CasePatch;
  note: string | null;
  data: Record<string, unknown>;
}
/** A refusal by the machine: the event is not taken in this state, or its content is not acceptable. */
export type Refusal = Exclude<TransitionResult, { ok: true }>;

/** Look-ups a command makes in the case's transaction (after authorisation); refusals are AppErrors. */
export interface ResolveContext<P> {
  tx: Queryable;
  deps: Deps;
  actor: UserActor;
  case: CaseRow;
  /** what `preload` fetched before the transaction */
  preloaded: P;
}

export interface EventCommand<T extends CaseEventType, S extends TSchema, P = undefined, R = undefined> {
  type: T;
  /** the request body for this event (one member of the route's union; OpenAPI shows each) */
  schema: S;
  /** whether the timeline entry is shown to the reporter and the public */
  public: boolean;
  /** who may take the event, before the machine checks the state (cases.policy predicates) */
  authorise(actor: Actor, c: CaseRow): boolean;
  /** caches warmed before the transaction (PGlite has one session); never refuses */
  preload?(deps: Deps, input: Static<S>): Promise<P>;
  /** what the step needs from the database, checked inside the transaction */
  resolve?(ctx: ResolveContext<P>, input: Static<S>): Promise<R>;
  /** pure: the machine's transition, the patch and the timeline data (no I/O) */
  apply(c: CaseRow, input: Static<S>, resolved: R, env: ApplyEnv): Step | Refusal;
  /** who is told, in the case's transaction (outbox); nobody when absent */
  notify?(tx: Queryable, updated: CaseRow, input: Static<S>, now: Date): Promise<void>;
}

/** The body of an event that carries only a note, required or optional. */
export const noteBody = <T extends CaseEventType>(type: T) =>
  Type.Object({ type: Type.Literal(type), note: Note }, Closed);
export const optionalNoteBody = <T extends CaseEventType>(type: T) =>
  Type.Object({ type: Type.Literal(type), note: Type.Optional(Note) }, Closed);

/** Typed by its schema: `input` in each method is the schema's static type. */
export function command<T extends CaseEventType, S extends TSchema, P = undefined, R = undefined>(
  c: EventCommand<T, S, P, R>,
): EventCommand<T, S, P, R> {
  return c;
}

export const snapshotOf = (c: CaseRow): CaseSnapshot => ({
  state: c.state,
  closedAt: c.closedAt,
  rated: c.rating !== null,
  suspensionRequested: c.suspensionRequested,
  reworkCount: c.reworkCount,
});

/** The timeline data of an input: its fields without the note (kept as the entry's note) and the category code. */
function dataOf(input: Record<string, unknown>): Record<string, unknown> {
  const { note: _note, categoryCode: _categoryCode, ...data } = input;
  return data;
}

/**
 * The shared part of every apply: the machine's transition from the case's snapshot, then the
 * machine's fields and the event's own patch and data (`effects`, given the machine's next snapshot).
 */
export function machineStep(
  c: CaseRow,
  input: { type: CaseEventType; note?: string },
  event: CaseEvent,
  env: ApplyEnv,
  effects: (next: CaseSnapshot) => {
    patch?: CasePatch;
    data?: Record<string, unknown>;
    note?: string | null;
  } = () => ({}),
): Step | Refusal {
  const r = transition(snapshotOf(c), event, { now: env.now, reopenWindowMs: env.reopenWindowMs });
  if (!r.ok) return r;
  const next = r.value;
  const { patch, data, note } = effects(next);
  return {
    ok: true,
    toState: next.state,
    patch: {
      state: next.state,
      reworkCount: next.reworkCount,
      suspensionRequested: next.suspensionRequested,
      updatedAt: env.now,
      ...patch,
    },
    note: note !== undefined ? note : (input.note ?? null),
    data: { ...dataOf(input), ...data },
  };
}
