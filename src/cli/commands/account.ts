/** First accounts for a production install: `cocreate account create` prints a one-time password. */
import { randomBytes } from 'node:crypto';
import type { Command } from '../commands';
import { isRole, roleFitsLevel } from '../../server/modules/access/access.domain';
import { insertAssignment } from '../../server/modules/access/access.repo';
import { findDivision } from '../../server/modules/divisions/divisions.repo';
import { findUserByUsername, insertUser } from '../../server/modules/identity/identity.repo';
import { hashPassword } from '../../server/modules/identity/identity.secrets';
import { appendAudit } from '../../server/platform/audit/audit.repo';
import { AppError } from '../../server/platform/errors';
import { flag, openDeps } from './shared';

export const accountCreate: Command = {
  usage: '--username NAME --name DISPLAY_NAME --role ROLE --scope DIVISION_CODE',
  description: 'Create a staff account with one role and print its one-time password (for the first administrators).',
  async run(args) {
    const username = flag(args, 'username')?.toLowerCase();
    const displayName = flag(args, 'name') ?? username;
    const role = flag(args, 'role');
    const scope = flag(args, 'scope');
    if (!username || !role || !scope || !/^[a-z0-9_.-]{3,40}$/.test(username)) {
      console.error(`用法 Usage: npx cocreate account create ${this.usage}`);
      return 2;
    }
    if (!isRole(role)) throw new AppError('unknown_role', { role });
    const { db } = await openDeps({ migrate: !process.env.DATABASE_URL });
    try {
      const password = `${randomBytes(9).toString('base64url')}-A1a`;
      const hash = await hashPassword(password);
      await db.ownerTransaction(async (tx) => {
        const division = await findDivision(tx, scope);
        if (!division) throw new AppError('unknown_division', { code: scope });
        if (!roleFitsLevel(role, division.level)) throw new AppError('role_scope_invalid', { role, scope });
        if (await findUserByUsername(tx, username)) throw new AppError('username_taken', { username });
        const id = await insertUser(tx, { kind: 'staff', username, displayName: displayName!, passwordHash: hash, mustChangePassword: true });
        await insertAssignment(tx, { userId: id, role, scopeCode: scope, departmentCode: null, grantedBy: null });
        await appendAudit(tx, { actorId: null, actorLabel: 'cli', ip: null, action: 'accounts.create', entityType: 'user', entityId: id, scopeCode: scope, before: null, after: { username, role, scope }, outcome: 'success' });
      });
      console.log(`已创建账号 Created ${username} (${role} @ ${scope})\n一次性密码 One-time password: ${password}\n请首次登录后修改；管理员首次登录需绑定动态口令 / change it after first sign-in; administrators enrol TOTP at first sign-in.`);
      return 0;
    } finally {
      await db.close();
    }
  },
};
