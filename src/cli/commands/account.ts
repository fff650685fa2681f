/**
 * Administrator accounts live here, on the server, not in the API (三员分立): `cocreate account
 * create` makes an account with one role and prints a one-time password; `cocreate account
 * reset-password` gives any staff account (an administrator's too) a new one-time password and,
 * for an administrator, a fresh TOTP enrolment at the next sign-in.
 */
import { randomBytes } from 'node:crypto';
import type { CommandContext } from '../command';
import { isAdministrator, isRole, roleFitsLevel } from '../../server/modules/access/access.domain';
import { insertAssignment } from '../../server/modules/access/access.repo';
import { findDivision } from '../../server/modules/divisions/divisions.repo';
import { insertPasswordReset } from '../../server/modules/accounts/accounts.repo';
import {
  activeGrants,
  findUserByUsername,
  insertUser,
  revokeUserSessions,
  setPassword,
  setTotp,
} from '../../server/modules/identity/identity.repo';
import { hashPassword } from '../../server/modules/identity/identity.secrets';
import { auditSystem } from '../../server/platform/audit/audit';
import { AppError } from '../../server/platform/errors';
import type { Database } from '../../server/platform/db/db';
import { flag, openDeps } from './shared';

const oneTimePassword = () => `${randomBytes(9).toString('base64url')}-A1a`;

export async function accountCreate(args: string[], ctx: CommandContext): Promise<number> {
  const username = flag(args, 'username')?.toLowerCase();
  const displayName = flag(args, 'name') ?? username;
  const role = flag(args, 'role');
  const scope = flag(args, 'scope');
  if (!username || !role || !scope || !/^[a-z0-9_.-]{3,40}$/.test(username)) {
    console.error(`用法 Usage: npx cocreate account create ${ctx.usage}`);
    return 2;
  }
  if (!isRole(role)) throw new AppError('unknown_role', { role });
  const { db } = await openDeps({ migrate: !process.env.DATABASE_URL });
  try {
    const password = oneTimePassword();
    const hash = await hashPassword(password);
    await db.ownerTransaction(async (tx) => {
      const division = await findDivision(tx, scope);
      if (!division) throw new AppError('unknown_division', { code: scope });
      if (!roleFitsLevel(role, division.level)) throw new AppError('role_scope_invalid', { role, scope });
      if (await findUserByUsername(tx, username)) throw new AppError('username_taken', { username });
      const id = await insertUser(tx, {
        kind: 'staff',
        username,
        displayName: displayName!,
        passwordHash: hash,
        mustChangePassword: true,
      });
      await insertAssignment(tx, { userId: id, role, scopeCode: scope, departmentCode: null, grantedBy: null });
      await auditSystem(tx, 'cli', {
        action: 'accounts.create',
        entityType: 'user',
        entityId: id,
        scopeCode: scope,
        after: { username, role, scope },
      });
    });
    console.log(
      `已创建账号 Created ${username} (${role} @ ${scope})\n一次性密码 One-time password: ${password}\n请首次登录后修改；管理员首次登录需绑定动态口令 / change it after first sign-in; administrators enrol TOTP at first sign-in.`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

/** The operator's reset: one-time password, sessions ended, TOTP re-enrolled for an administrator; audited and listed. */
export async function operatorResetPassword(
  db: Database,
  username: string,
  password: string,
  now: Date,
): Promise<{ administrator: boolean }> {
  const hash = await hashPassword(password);
  return db.ownerTransaction(async (tx) => {
    const user = await findUserByUsername(tx, username);
    if (!user || user.kind !== 'staff') throw new AppError('not_found', { what: `user ${username}` });
    const administrator = isAdministrator(await activeGrants(tx, user.id));
    await setPassword(tx, user.id, hash, true);
    if (administrator) await setTotp(tx, user.id, null, false, null);
    const revoked = await revokeUserSessions(tx, user.id, now);
    await insertPasswordReset(tx, { userId: user.id, by: null, byLabel: 'cli', at: now });
    await auditSystem(tx, 'cli', {
      action: 'accounts.reset_password',
      entityType: 'user',
      entityId: user.id,
      scopeCode: null,
      after: { username, sessionsRevoked: revoked, oneTime: true, totpReenrol: administrator },
    });
    return { administrator };
  });
}

export async function accountResetPassword(args: string[], ctx: CommandContext): Promise<number> {
  const username = flag(args, 'username')?.toLowerCase();
  if (!username) {
    console.error(`用法 Usage: npx cocreate account reset-password ${ctx.usage}`);
    return 2;
  }
  const { db } = await openDeps({ migrate: !process.env.DATABASE_URL });
  try {
    const password = oneTimePassword();
    const { administrator } = await operatorResetPassword(db, username, password, new Date());
    console.log(
      `已重置 Reset ${username}\n一次性密码 One-time password: ${password}\n首次登录须设置新密码${administrator ? '，并重新绑定动态口令' : ''} / a new password must be set at the next sign-in${administrator ? ', after enrolling TOTP again' : ''}.`,
    );
    return 0;
  } finally {
    await db.close();
  }
}
