/**
 * Staff accounts: the system administrator's job (三员分立: not roles, not audit). Passwords the
 * administrator sets (a new account, a reset) are one-time; a reset is audited and listed for the
 * security administrator. Administrators' accounts and accounts of equal or broader scope are out
 * of the system administrator's reach (access.policy accountProtection).
 */
import type { Actor, UserActor } from '../../platform/actor';
import type { Queryable } from '../../platform/db/db';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, type Page, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { listOutbox } from '../../platform/sms/sms';
import { accountProtection, activeGrants, can, canManageAccounts } from '../access';
import {
  findUserById,
  findUserByUsername,
  hashPassword,
  insertUser,
  isStrongPassword,
  revokeUserSessions,
  setPassword,
} from '../identity';
import * as repo from './accounts.repo';
import type { PageRequest, SystemConfig } from './accounts.schema';

function assertSystemAdmin(actor: Actor): asserts actor is Extract<Actor, { kind: 'user' }> {
  if (!canManageAccounts(actor)) throw new AppError('forbidden');
}

export async function listAccounts(
  deps: Deps,
  actor: Actor,
  text = '',
  page: PageRequest = {},
): Promise<Page<repo.AccountRow>> {
  assertSystemAdmin(actor);
  const after = afterKey(page.cursor, ['string']);
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  const rows = await repo.listAccounts(deps.db, text, limit + 1, after ? String(after[0]) : null);
  return pageOf(rows, limit, (a) => [a.username]);
}

/** A page of a list keyed by a whole-number id, newest (highest) first. */
async function byIdDescending<T extends { id: number }>(
  page: PageRequest,
  read: (limit: number, beforeId: number | null) => Promise<T[]>,
): Promise<Page<T>> {
  const before = afterKey(page.cursor, ['integer']);
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  return pageOf(await read(limit + 1, before ? Number(before[0]) : null), limit, (r) => [r.id]);
}

export async function createStaffAccount(
  deps: Deps,
  actor: Actor,
  input: { username: string; displayName: string; password: string },
) {
  assertSystemAdmin(actor);
  const username = input.username.trim().toLowerCase();
  if (!isStrongPassword(input.password)) throw new AppError('weak_password');
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    if (await findUserByUsername(tx, username)) throw new AppError('username_taken', { username });
    const id = await insertUser(tx, {
      kind: 'staff',
      username,
      displayName: input.displayName.trim(),
      passwordHash,
      mustChangePassword: true,
    });
    await audit(tx, actor, {
      action: 'accounts.create',
      entityType: 'user',
      entityId: id,
      after: { username, displayName: input.displayName.trim() },
    });
    return { id, username, displayName: input.displayName.trim() };
  });
}

/** The staff account `userId` if the system administrator may manage it (else 404 or account_protected). */
export async function managedAccount(tx: Queryable, actor: UserActor, userId: string) {
  const user = await findUserById(tx, userId);
  if (!user || user.kind !== 'staff') throw new AppError('not_found', { what: `user ${userId}` });
  const reason = accountProtection(actor, { id: user.id, grants: await activeGrants(tx, user.id) });
  if (reason) throw new AppError('account_protected', { reason });
  return user;
}

export async function setAccountDisabled(deps: Deps, actor: Actor, userId: string, disabled: boolean) {
  assertSystemAdmin(actor);
  await deps.db.transaction(async (tx) => {
    const user = await managedAccount(tx, actor, userId);
    const now = deps.clock.now();
    await repo.setDisabled(tx, userId, disabled ? now : null);
    if (disabled) await revokeUserSessions(tx, userId, now);
    await audit(tx, actor, {
      action: disabled ? 'accounts.disable' : 'accounts.enable',
      entityType: 'user',
      entityId: userId,
      before: { disabled: Boolean(user.disabledAt) },
      after: { disabled },
    });
  });
}

/**
 * A one-time password: the owner must choose a new one at the next sign-in (after their TOTP code
 * where enrolled, which a reset leaves in place). Signs the owner out everywhere.
 */
export async function resetPassword(deps: Deps, actor: Actor, userId: string, password: string) {
  assertSystemAdmin(actor);
  if (!isStrongPassword(password)) throw new AppError('weak_password');
  const hash = await hashPassword(password);
  await deps.db.transaction(async (tx) => {
    const user = await managedAccount(tx, actor, userId);
    const now = deps.clock.now();
    await setPassword(tx, userId, hash, true);
    const revoked = await revokeUserSessions(tx, userId, now);
    await repo.insertPasswordReset(tx, { userId, by: actor.userId, byLabel: actor.displayName, at: now });
    await audit(tx, actor, {
      action: 'accounts.reset_password',
      entityType: 'user',
      entityId: userId,
      after: { username: user.username, sessionsRevoked: revoked, oneTime: true },
    });
  });
}

/**
 * Links a staff account to its person record (居民档案), or unlinks it with null: the points module
 * uses it so nobody awards, reviews or hands out points for themselves or their household. Only for
 * accounts the administrator may manage (never their own: nobody chooses who they are on paper).
 */
export async function linkPersonRecord(deps: Deps, actor: Actor, userId: string, residentId: string | null) {
  assertSystemAdmin(actor);
  return deps.db.transaction(async (tx) => {
    await managedAccount(tx, actor, userId);
    if (residentId && !(await repo.personExists(tx, residentId))) {
      throw new AppError('not_found', { what: `person ${residentId}` });
    }
    const before = await repo.personOfAccount(tx, userId);
    await repo.setPersonOfAccount(tx, userId, residentId);
    await audit(tx, actor, {
      action: 'accounts.link_person',
      entityType: 'user',
      entityId: userId,
      before: { residentId: before },
      after: { residentId },
    });
    return { userId, residentId };
  });
}

/** Password resets, newest first, for the security administrator's console. */
export async function listPasswordResets(deps: Deps, actor: Actor, page: PageRequest = {}) {
  if (!can(actor, 'password_resets.read')) throw new AppError('forbidden');
  return byIdDescending(page, (limit, beforeId) => repo.listPasswordResets(deps.db, limit, beforeId));
}

export async function readSmsOutbox(deps: Deps, actor: Actor, page: PageRequest = {}) {
  assertSystemAdmin(actor);
  return byIdDescending(page, (limit, beforeId) => listOutbox(deps.db, limit, beforeId));
}

/** Effective configuration without secrets. */
export function describeConfig(deps: Deps, actor: Actor): SystemConfig {
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
