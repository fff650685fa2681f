/**
 * The outbox topics the case module publishes, each declared once with its payload's schema
 * (checked when a message is enqueued and again when it is delivered). Subscribers import them
 * from the module's index: the points module awards a woodpecker on `cases.filed`.
 */
import Type, { type Static } from 'typebox';
import { defineTopic } from '../../platform/outbox/outbox';
import { Closed, Nullable } from '../../platform/http/schema-helpers';

const NotifyPayload = Type.Object(
  {
    caseId: Type.String(),
    /** Recipients; or, for 'triagers', resolved at delivery (keeps the report's transaction short). */
    userIds: Type.Array(Type.String()),
    audience: Type.Optional(Type.Literal('triagers')),
    title: Type.String(),
    body: Type.String(),
    sms: Type.Boolean(),
  },
  Closed,
);
export type NotifyPayload = Static<typeof NotifyPayload>;

/** Who hears of a case's step: delivered as in-app notifications and, to the reporter, an SMS. */
export const CASES_NOTIFY = defineTopic('cases.notify', NotifyPayload);

const CasesFiledPayload = Type.Object(
  {
    caseId: Type.String(),
    number: Type.String(),
    reporterId: Nullable(Type.String()),
    categoryCode: Type.String(),
    divisionCode: Type.String(),
    filedAt: Type.String({ format: 'date-time' }),
  },
  Closed,
);
export type CasesFiledPayload = Static<typeof CasesFiledPayload>;

/** A report was filed as valid (立案). */
export const CASES_FILED = defineTopic('cases.filed', CasesFiledPayload);
