/** Staff accounts: the system administrator's job (三员分立: not roles, not audit). */
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { listOutbox } from '../../platform/sms/sms';
import { canManageAccounts } from '../access/access.policy';
import { isStrongPassword } from '../identity/identity.domain';
import { findUserById, findUserByUsername, insertUser, revokeUserSessions } from '../identity/identity.repo';
import { hashPassword } from '../identity/identity.secrets';
import * as repo from './accounts.repo';

function assertSystemAdmin(actor: Actor): asserts actor is Extract<Actor, { kind: 'user' }> {
  if (!canManageAccounts(actor)) throw new AppError('forbidden');
}

export async function listAccounts(deps: Deps, actor: Actor, text = '') {
  assertSystemAdmin(actor);
  return repo.listAccounts(deps.db, text, 500);
}

export async function createStaffAccount(deps: Deps, actor: Actor, input: { username: string; displayName: string; password: string }) {
  assertSystemAdmin(actor);
  const username = input.username.trim().toLowerCase();
  if (!isStrongPassword(input.password)) throw new AppError('weak_password');
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    if (await findUserByUsername(tx, username)) throw new AppError('username_taken', { username });
    const id = await insertUser(tx, { kind: 'staff', username, displayName: input.displayName.trim(), passwordHash });
    await audit(tx, actor, { action: 'accounts.create', entityType: 'user', entityId: id, after: { username, displayName: input.displayName.trim() } });
    return { id, username, displayName: input.displayName.trim() };
  });
}

export async function setAccountDisabled(deps: Deps, actor: Actor, userId: string, disabled: boolean) {
  assertSystemAdmin(actor);
  if (actor.userId === userId) throw new AppError('forbidden');
  await deps.db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user) throw new AppError('not_found', { what: `user ${userId}` });
    const now = deps.clock.now();
    await repo.setDisabled(tx, userId, disabled ? now : null);
    if (disabled) await revokeUserSessions(tx, userId, now);
    await audit(tx, actor, {
      action: disabled ? 'accounts.disable' : 'accounts.enable', entityType: 'user', entityId: userId,
      before: { disabled: Boolean(user.disabledAt) }, after: { disabled },
    });
  });
}

export async function resetPassword(deps: Deps, actor: Actor, userId: string, password: string) {
  assertSystemAdmin(actor);
  if (!isStrongPassword(password)) throw new AppError('weak_password');
  const hash = await hashPassword(password);
  await deps.db.transaction(async (tx) => {
    const user = await findUserById(tx, userId);
    if (!user || user.kind !== 'staff') throw new AppError('not_found', { what: `user ${userId}` });
    await repo.setPasswordHash(tx, userId, hash);
    const revoked = await revokeUserSessions(tx, userId, deps.clock.now());
    await audit(tx, actor, { action: 'accounts.reset_password', entityType: 'user', entityId: userId, after: { sessionsRevoked: revoked } });
  });
}

export async function readSmsOutbox(deps: Deps, actor: Actor) {
  assertSystemAdmin(actor);
  return listOutbox(deps.db, 100);
}

/** Effective configuration without secrets. */
export function describeConfig(deps: Deps, actor: Actor) {
  assertSystemAdmin(actor);
  const c = deps.config;
  return {
    database: deps.db.kind,
    countyCode: c.countyCode,
    sessionIdleMinutes: c.session.idleMinutes,
    sessionMaxHours: c.session.maxHours,
    signInMaxFailures: c.signIn.maxFailures,
    signInLockMinutes: c.signIn.lockMinutes,
    smsGateway: c.sms.gateway,
    usesDemoSecret: c.usesDemoSecret,
  };
}
