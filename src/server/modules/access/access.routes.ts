import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, DateTime, NullableDateTime, errorResponses } from '../../platform/http/types';
import { ROLE_LABELS, ROLE_LEVELS, ROLES, isAdminRole } from './access.domain';
import { listDepartments } from './access.repo';
import { grantRole, listStaff, revokeRole, userAssignments } from './access.service';

const Assignment = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  username: Type.Union([Type.String(), Type.Null()]),
  displayName: Type.String(),
  role: Type.String(),
  scopeCode: Type.String(),
  scopeName: Type.String(),
  departmentCode: Type.Union([Type.String(), Type.Null()]),
  grantedAt: DateTime,
});

export default async function accessRoutes(app: App, deps: Deps) {
  app.get(
    '/api/roles',
    {
      schema: {
        tags: ['access'],
        summary:
          'The role catalogue: labels, the division levels each role may be held at, and whether the security administrator may grant it (administrator roles: only `cocreate account`)',
        response: {
          200: Type.Array(
            Type.Object({
              role: Type.String(),
              zh: Type.String(),
              en: Type.String(),
              levels: Type.Array(Type.Integer()),
              grantable: Type.Boolean(),
            }),
          ),
        },
      },
    },
    async () =>
      ROLES.map((role) => ({
        role,
        ...ROLE_LABELS[role],
        levels: [...ROLE_LEVELS[role]],
        grantable: !isAdminRole(role),
      })),
  );

  app.get(
    '/api/departments',
    {
      schema: {
        tags: ['access'],
        summary: 'Government departments that handle cases',
        response: {
          200: Type.Array(
            Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String(), scopeCode: Type.String() }),
          ),
        },
      },
    },
    async () => listDepartments(deps.db),
  );

  app.get(
    '/api/staff',
    {
      schema: {
        tags: ['access'],
        summary: 'Staff and role holders at or below a division (within your scope)',
        querystring: Type.Object({ scope: Type.String({ pattern: '^[0-9]{6,15}$' }) }, { additionalProperties: false }),
        response: { 200: Type.Array(Assignment), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => listStaff(deps, requireUser(req), req.query.scope),
  );

  app.get(
    '/api/users/:id/roles',
    {
      schema: {
        tags: ['access'],
        summary: "A user's active role assignments",
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Array(Assignment), ...errorResponses(401, 403) },
      },
    },
    async (req) => userAssignments(deps, requireUser(req), req.params.id),
  );

  app.post(
    '/api/role-assignments',
    {
      schema: {
        tags: ['access'],
        summary: 'Grant a role at a division (security administrator)',
        body: Type.Object(
          {
            userId: Type.String({ format: 'uuid' }),
            role: Type.String({ minLength: 1, maxLength: 40 }),
            scopeCode: Type.String({ pattern: '^[0-9]{6,15}$' }),
            departmentCode: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: { 201: Assignment, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.status(201).send(await grantRole(deps, requireUser(req), req.body)),
  );

  app.delete(
    '/api/role-assignments/:id',
    {
      schema: {
        tags: ['access'],
        summary: 'Revoke a role assignment (security administrator)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await revokeRole(deps, requireUser(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
