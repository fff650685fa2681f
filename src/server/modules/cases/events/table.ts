/** The case loop's commands, one per event: the route's body union and the buttons a case offers come from here. */
import type { Static, TSchema } from 'typebox';
import Type from 'typebox';
import type { Actor } from '../../../platform/actor';
import { ALLOWED, type CaseEventType } from '../case-machine';
import type { CaseRow } from '../cases.repo';
import {
  approveSuspension,
  accept,
  denySuspension,
  feedback,
  progress,
  requestSuspension,
  resume,
  sendBack,
} from './handling';
import type { EventCommand } from './command';
import { rate, reopen, supervise, verify } from './closing';
import { dispatch, file, reject } from './triage';

// biome-ignore lint/suspicious/noExplicitAny: the loop runs every command alike; each is typed by its own schema where it is written
type AnyCommand<K extends CaseEventType = CaseEventType> = EventCommand<K, TSchema, any, any>;

const TABLE = {
  file,
  reject,
  dispatch,
  accept,
  send_back: sendBack,
  progress,
  request_suspension: requestSuspension,
  approve_suspension: approveSuspension,
  deny_suspension: denySuspension,
  resume,
  feedback,
  verify,
  rate,
  reopen,
  supervise,
} satisfies { [K in CaseEventType]: AnyCommand<K> };

export const COMMANDS: Readonly<Record<CaseEventType, AnyCommand>> = TABLE;

/** POST /api/cases/:id/events: one member per event, in the table's order. */
export const EventBody = Type.Union(Object.values(TABLE).map((c) => c.schema));

export type EventInput = { [K in CaseEventType]: Static<(typeof TABLE)[K]['schema']> }[CaseEventType];

/** The events this actor may take now: sent with the case so the UI shows only these buttons. */
export function caseActions(actor: Actor, c: CaseRow): CaseEventType[] {
  return ALLOWED[c.state].filter((e) => COMMANDS[e].authorise(actor, c));
}
