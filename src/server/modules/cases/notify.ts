/**
 * Who hears of what. Messages are enqueued in the case's transaction (outbox) and delivered after
 * commit: an in-app notification per recipient (idempotent per message and user) and, for the
 * reporter, an SMS through the gateway.
 */
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { enqueue, type OutboxHandler, subscribe } from '../../platform/outbox/outbox';
import type { Role } from '../../platform/actor';
import { EVENT_LABELS, STATE_LABELS } from './cases.labels';
import { type CaseRow, followers } from './cases.repo';
import { caseRouting, insertNotification, residentPhoneCipher, usersHolding } from './notify.repo';

import { CASES_NOTIFY, type NotifyPayload } from './topics';

export const NOTIFY_TOPIC = CASES_NOTIFY.name;
export type { NotifyPayload };

export async function notify(tx: Queryable, payload: NotifyPayload, now: Date): Promise<void> {
  if (payload.userIds.length === 0 && !payload.audience) return;
  await enqueue(tx, CASES_NOTIFY, payload, now);
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
  const payload: NotifyPayload = {
    caseId: c.id,
    userIds: [],
    audience: 'triagers',
    title: `新案件 ${c.number}`,
    body: `${c.title}（待受理）`,
    sms: false,
  };
  CASES_NOTIFY.check(payload); // written by the intake's grouped statement, not by enqueue: checked here
  return { topic: CASES_NOTIFY.name, payload };
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
  return subscribe(CASES_NOTIFY, async (tx, message) => {
    const p = message.payload;
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
  }).handler;
}
