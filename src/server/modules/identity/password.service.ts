/**
 * The last sign-in step for a one-time password (set by the system administrator or the CLI when
 * creating or resetting an account): the owner chooses a new one, and only then does the session
 * become active. The new password must be strong and differ from the one-time one.
 */
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { actorOf, isStrongPassword } from './identity.domain';
import * as repo from './identity.repo';
import { hashPassword, verifyPassword } from './identity.secrets';
import { type ClientMeta, pendingSession, sessionEnd } from './signin.service';

export async function completePasswordChange(
  deps: Deps,
  tokenHash: string | null,
  newPassword: string,
  meta: ClientMeta,
): Promise<{ stage: 'active' }> {
  const { session, user } = await pendingSession(deps.db, tokenHash, ['password_change'], deps.clock.now());
  if (!isStrongPassword(newPassword)) throw new AppError('weak_password');
  if (await verifyPassword(user.passwordHash, newPassword)) throw new AppError('password_unchanged');
  const hash = await hashPassword(newPassword);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    // checked again in the transaction: the session may have been revoked meanwhile
    await pendingSession(tx, session.tokenHash, ['password_change'], now);
    await repo.setPassword(tx, user.id, hash, false);
    await repo.closePasswordResets(tx, user.id, now);
    await repo.activateSession(tx, session.tokenHash, now, sessionEnd(deps, now));
    const actor = actorOf(user, await repo.activeGrants(tx, user.id), meta.ip);
    await audit(tx, actor, {
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: user.id,
      after: { oneTimeReplaced: true },
    });
    await audit(tx, actor, {
      action: 'auth.sign_in',
      entityType: 'user',
      entityId: user.id,
      after: { passwordChanged: true },
    });
  });
  return { stage: 'active' };
}
