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
import type { CaseRow } from './cases.repo';

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

async function usersHolding(
  tx: Queryable,
  roles: readonly Role[],
  place: string,
  departmentCode?: string | null,
): Promise<string[]> {
  const { rows } = await tx.query<{ user_id: string }>(
    `SELECT DISTINCT a.user_id FROM role_assignments a JOIN users u ON u.id = a.user_id
      WHERE a.revoked_at IS NULL AND u.disabled_at IS NULL AND a.role = ANY($1::text[]) AND $2 LIKE a.scope_code || '%'
        AND ($3::text IS NULL OR a.department_code = $3)`,
    [roles, place, departmentCode ?? null],
  );
  return rows.map((r) => r.user_id);
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
  const { rows } = await tx.query<{ user_id: string }>('SELECT user_id FROM case_followers WHERE case_id = $1', [c.id]);
  const userIds = [...new Set([...(c.reporterId ? [c.reporterId] : []), ...rows.map((r) => r.user_id)])];
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
      const { rows } = await tx.query<{ tier: CaseRow['tier']; grid_code: string | null; division_code: string }>(
        'SELECT tier, grid_code, division_code FROM cases WHERE id = $1',
        [p.caseId],
      );
      userIds = rows[0]
        ? await triagers(tx, { tier: rows[0].tier, gridCode: rows[0].grid_code, divisionCode: rows[0].division_code })
        : [];
    }
    for (const userId of userIds) {
      const r = await tx.query(
        `INSERT INTO notifications (user_id, outbox_id, case_id, title, body, created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (outbox_id, user_id) DO NOTHING`,
        [userId, message.id, p.caseId, p.title, p.body, deps.clock.now().toISOString()],
      );
      if (!p.sms || r.rowCount === 0) continue;
      const { rows } = await tx.query<{ phone_cipher: string | null }>(
        `SELECT phone_cipher FROM users WHERE id = $1 AND kind = 'resident'`,
        [userId],
      );
      if (rows[0]?.phone_cipher)
        await deps.sms.send(tx, {
          phone: deps.crypto.decrypt(rows[0].phone_cipher),
          body: `【共同缔造】${p.title}。${p.body}`,
        });
    }
  };
}
