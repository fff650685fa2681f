/**
 * Who hears of what. Messages are enqueued in the case's transaction (outbox) and delivered after
 * commit: an in-app notification per recipient (idempotent per message and user) and, for the
 * reporter, an SMS through the gateway.
 */
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { enqueue, type OutboxHandler } from '../../platform/outbox/outbox';
import type { Role } from '../../platform/actor';
import { EVENT_LABELS, STATE_LABELS } from './cases.labels';
import { type CaseRow, followers } from './cases.repo';
import { caseRouting, insertNotification, residentPhoneCipher, usersHolding } from './notify.repo';

export const NOTIFY_TOPIC = 'cases.notify';
/** Consumed by the points module: a report was filed as valid (立案). */
export const FILED_TOPIC = 'cases.filed';

export interface NotifyPayload {
  caseId: string;
  /** Recipients; or, for 'triagers', resolved at delivery (keeps the report's transaction short). */
  userIds: string[];
  audience?: 'triagers';
  title: string;
  body: string;
  sms: boolean;
}

export async function notify(tx: Queryable, payload: NotifyPayload, now: Date): Promise<void> {
  if (payload.userIds.length === 0 && !payload.audience) return;
  await enqueue(tx, NOTIFY_TOPIC, payload, now);
}

const place = (c: CaseRow) => c.gridCode ?? c.divisionCode;

async function triagers(tx: Queryable, c: Pick<CaseRow, 'tier' | 'gridCode' | 'divisionCode'>): Promise<string[]> {
  const roles: Role[] =
    c.tier === 'department' ? ['town_officer'] : c.tier === 'village' ? ['village_officer'] : ['grid_worker'];
  const userIds = await usersHolding(tx, roles, place(c as CaseRow));
  return userIds.length ? userIds : usersHolding(tx, ['town_officer', 'county_officer'], place(c as CaseRow));
}

/** New case: its triagers hear of it (resolved at delivery); written with the case itself (intake.repo insertCases). */
export function triagersMessage(c: { id: string; number: string; title: string }): {
  topic: string;
  payload: NotifyPayload;
} {
  return {
    topic: NOTIFY_TOPIC,
    payload: {
      caseId: c.id,
      userIds: [],
      audience: 'triagers',
      title: `新案件 ${c.number}`,
      body: `${c.title}（待受理）`,
      sms: false,
    },
  };
}

/** Overdue cases: the triagers hear now. */
export async function notifyTriagersNow(tx: Queryable, c: CaseRow, title: string, now: Date): Promise<void> {
  await notify(tx, { caseId: c.id, userIds: await triagers(tx, c), title, body: c.title, sms: false }, now);
}

export async function notifyHandlers(tx: Queryable, c: CaseRow, title: string, now: Date): Promise<void> {
  const userIds = c.handlerUserId
    ? [c.handlerUserId]
    : c.handlerDepartment
      ? await usersHolding(tx, ['department_handler'], place(c), c.handlerDepartment)
      : [];
  await notify(tx, { caseId: c.id, userIds, title, body: c.title, sms: false }, now);
}

export async function notifyVerifiers(tx: Queryable, c: CaseRow, now: Date): Promise<void> {
  const roles: Role[] = c.tier === 'department' ? ['town_officer'] : ['grid_worker', 'village_officer'];
  await notify(
    tx,
    {
      caseId: c.id,
      userIds: await usersHolding(tx, roles, place(c)),
      title: `待核查 ${c.number}`,
      body: c.title,
      sms: false,
    },
    now,
  );
}

/** The reporter and followers hear of every step; the reporter also by SMS. */
export async function notifyReporter(
  tx: Queryable,
  c: CaseRow,
  event: keyof typeof EVENT_LABELS,
  toState: CaseRow['state'],
  now: Date,
): Promise<void> {
  const userIds = [...new Set([...(c.reporterId ? [c.reporterId] : []), ...(await followers(tx, c.id))])];
  await notify(
    tx,
    {
      caseId: c.id,
      userIds,
      sms: true,
      title: `您反映的问题 ${c.number}：${EVENT_LABELS[event].zh}`,
      body: `${c.title} — 当前状态：${STATE_LABELS[toState].zh}`,
    },
    now,
  );
}

/** Delivery: in-app rows (idempotent), SMS to residents with a phone on their account. */
export function notifyHandler(deps: Deps): OutboxHandler {
  return async (tx, message) => {
    const p = message.payload as NotifyPayload;
    let userIds = p.userIds;
    if (p.audience === 'triagers') {
      const routed = await caseRouting(tx, p.caseId);
      userIds = routed ? await triagers(tx, routed) : [];
    }
    for (const userId of userIds) {
      const written = await insertNotification(tx, {
        userId,
        outboxId: message.id,
        caseId: p.caseId,
        title: p.title,
        body: p.body,
        at: deps.clock.now(),
      });
      if (!p.sms || !written) continue;
      const cipher = await residentPhoneCipher(tx, userId);
      if (cipher)
        await deps.sms.send(tx, { phone: deps.crypto.decrypt(cipher), body: `【共同缔造】${p.title}。${p.body}` });
    }
  };
}
