/**
 * The person record (居民档案) behind a staff account (users.resident_id), set by the system
 * administrator. The points module uses it so nobody awards, reviews or hands out points for
 * themselves or their household (a resident account is also matched by the phone it signs in with).
 */
import Type from 'typebox';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import { canManageAccounts } from '../access';

export async function linkPersonRecord(deps: Deps, actor: Actor, userId: string, residentId: string | null) {
  if (!canManageAccounts(actor)) throw new AppError('forbidden');
  return deps.db.transaction(async (tx) => {
    const { rows } = await tx.query<{ residentId: string | null }>(
      `SELECT resident_id AS "residentId" FROM users WHERE id = $1 AND kind = 'staff' FOR UPDATE`,
      [userId],
    );
    if (!rows[0]) throw new AppError('not_found', { what: `user ${userId}` });
    if (residentId && !(await tx.query('SELECT 1 FROM residents WHERE id = $1', [residentId])).rows.length) {
      throw new AppError('not_found', { what: `person ${residentId}` });
    }
    await tx.query('UPDATE users SET resident_id = $2 WHERE id = $1', [userId, residentId]);
    await audit(tx, actor, {
      action: 'accounts.link_person',
      entityType: 'user',
      entityId: userId,
      before: { residentId: rows[0].residentId },
      after: { residentId },
    });
    return { userId, residentId };
  });
}

export async function personLinkRoutes(app: App, deps: Deps) {
  app.put(
    '/api/accounts/:id/person',
    {
      schema: {
        tags: ['accounts'],
        summary:
          'Link a staff account to its person record (residents.id), or unlink it with null (system administrator)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Object(
          { residentId: Type.Union([Type.Null(), Type.String({ format: 'uuid' })]) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ userId: Type.String(), residentId: Type.Union([Type.Null(), Type.String()]) }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (req) => linkPersonRecord(deps, requireUser(req), req.params.id, req.body.residentId),
  );
}
