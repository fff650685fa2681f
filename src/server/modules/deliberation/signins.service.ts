/**
 * Sign-in to a meeting: by staff (directly or for a proxy) or by the resident's code (scanned from its
 * QR or typed). Idempotent: the attendance key (meeting, resident) makes a repeat a no-op that answers
 * "already". A resident's own sign-in by code goes through the group writer (signins.writer).
 */
import type { Actor, UserActor } from '../../platform/actor';
import { type AuditEvent, audit, auditRecord } from '../../platform/audit/audit';
import { prepareAudit } from '../../platform/audit/audit.batch';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { MEETING_TYPE_LABELS } from './deliberation.labels';
import { canReadAt, managesAt } from './deliberation.policy';
import * as repo from './meetings.repo';
import { requireState } from './meetings.service';
import { quorum } from './quorum.domain';
import { submitCodeSignIn } from './signins.writer';

const signInAudit = (
  m: repo.MeetingRow,
  residentId: string,
  via: 'code' | 'staff' | 'proxy',
  proxyHolderId: string | null,
): AuditEvent => ({
  action: 'deliberation.signin',
  entityType: 'meeting',
  entityId: m.id,
  scopeCode: m.divisionCode,
  after: { residentId, via, proxyHolderId },
});

/** Signs a roster member in, directly or by proxy; a repeat answers the same without counting twice. */
async function attend(
  tx: Queryable,
  deps: Deps,
  actor: Actor,
  m: repo.MeetingRow,
  residentId: string,
  proxyHolderId: string | null,
  via: 'code' | 'staff',
): Promise<{ inserted: boolean }> {
  requireState(m, ['open'], 'sign_in');
  if (!(await repo.onRoster(tx, m.id, residentId))) throw new AppError('deliberation_not_on_roster');
  if (proxyHolderId && proxyHolderId !== residentId) {
    const rules = await repo.typeRules(tx, m.meetingType);
    if (!rules.proxiesAllowed)
      throw new AppError('deliberation_proxy_not_allowed', {
        type: m.meetingType,
        typeZh: MEETING_TYPE_LABELS[m.meetingType].zh,
      });
    if (!(await repo.lockRosterMember(tx, m.id, proxyHolderId))) throw new AppError('deliberation_not_on_roster');
    if (
      !(await repo.isPresent(tx, m.id, residentId)) &&
      (await repo.proxiesHeld(tx, m.id, proxyHolderId)) >= rules.maxProxies
    )
      throw new AppError('deliberation_proxy_limit', { limit: rules.maxProxies });
  }
  const proxy = proxyHolderId && proxyHolderId !== residentId ? proxyHolderId : null;
  const inserted = await repo.signIn(tx, {
    meetingId: m.id,
    residentId,
    via: proxy ? 'proxy' : via,
    proxyHolderId: proxy,
    by: actor.kind === 'user' ? actor.userId : null,
    at: deps.clock.now(),
  });
  if (inserted) await audit(tx, actor, signInAudit(m, residentId, proxy ? 'proxy' : via, proxy));
  return { inserted };
}

/**
 * The quorum after a sign-in, read after its commit: the aggregate over the roster stays out of the
 * transaction, which holds an audit chain's lock until it commits.
 */
const quorumAfter = async (deps: Deps, m: repo.MeetingRow) =>
  quorum(m.meetingType, await repo.turnout(deps.db, m.id), 'ordinary', m.ownRule);

export async function staffSignIn(
  deps: Deps,
  actor: Actor,
  id: string,
  body: { residentId: string; proxyHolderId?: string },
) {
  const { m, r } = await deps.db.transaction(async (tx) => {
    const m = await repo.meetingById(tx, id);
    if (!m || !canReadAt(actor, m.divisionCode)) throw new AppError('not_found');
    if (!managesAt(actor, m.divisionCode)) throw new AppError('forbidden');
    if (body.proxyHolderId && !(await repo.isPresent(tx, id, body.proxyHolderId)))
      await attend(tx, deps, actor, m, body.proxyHolderId, null, 'staff');
    return { m, r: await attend(tx, deps, actor, m, body.residentId, body.proxyHolderId ?? null, 'staff') };
  });
  return {
    meetingId: id,
    title: m.title,
    residentId: body.residentId,
    alreadySignedIn: !r.inserted,
    quorum: await quorumAfter(deps, m),
  };
}

/**
 * A resident signs in with the meeting's code (scanned from its QR or typed), for themselves or a
 * proxy they hold. Signing in for oneself — the mass path of a villagers' meeting — is checked here
 * and written by the group writer (signins.writer); a proxy takes its own transaction.
 */
export async function codeSignIn(deps: Deps, actor: Actor, body: { code: string; onBehalfOf?: string }) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  if (body.onBehalfOf) return codeSignInWithProxy(deps, actor, { code: body.code, onBehalfOf: body.onBehalfOf });
  const { m, me } = await codeSignInTarget(deps.db, actor.userId, body.code);
  requireState(m, ['open'], 'sign_in');
  const at = deps.clock.now();
  const r = await submitCodeSignIn(deps, {
    meetingId: m.id,
    meetingType: m.meetingType,
    ownRule: m.ownRule,
    residentId: me,
    recordedBy: actor.userId,
    at,
    audit: prepareAudit({ ...auditRecord(actor, signInAudit(m, me, 'code', null)), at }),
  });
  if (r.kind === 'state') requireState({ ...m, state: r.state }, ['open'], 'sign_in');
  return { meetingId: m.id, title: m.title, residentId: me, alreadySignedIn: r.kind === 'already', quorum: r.quorum };
}

/** The meeting of a code and the signed-in person's record on its roster. */
async function codeSignInTarget(q: Queryable, userId: string, code: string) {
  const t = await repo.codeSignInTarget(q, code, userId);
  if (!t.meeting) throw new AppError('deliberation_signin_code_unknown', { code });
  if (!t.registered) throw new AppError('deliberation_not_registered');
  if (!t.rosterResidentId) throw new AppError('deliberation_not_on_roster');
  return { m: t.meeting, me: t.rosterResidentId };
}

async function codeSignInWithProxy(deps: Deps, actor: UserActor, body: { code: string; onBehalfOf: string }) {
  const done = await deps.db.transaction(async (tx) => {
    const { m, me } = await codeSignInTarget(tx, actor.userId, body.code);
    let r = await attend(tx, deps, actor, m, me, null, 'code');
    let residentId = me;
    if (body.onBehalfOf !== me) {
      r = await attend(tx, deps, actor, m, body.onBehalfOf, me, 'code');
      residentId = body.onBehalfOf;
    }
    return { m, residentId, alreadySignedIn: !r.inserted };
  });
  const { m, residentId, alreadySignedIn } = done;
  return { meetingId: m.id, title: m.title, residentId, alreadySignedIn, quorum: await quorumAfter(deps, m) };
}
