import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import * as S from './access.schema';
import { ROLE_LABELS, ROLE_LEVELS, ROLES, isAdminRole } from './access.domain';
import { listDepartments } from './access.repo';
import { grantRole, listStaff, revokeRole, userAssignments } from './access.service';
import { searchGrantees } from './grantees.service';

export default async function accessRoutes(app: App, deps: Deps) {
  app.get(
    '/api/roles',
    {
      schema: {
        tags: ['access'],
        summary:
          'The role catalogue: labels, the division levels each role may be held at, and whether the security administrator may grant it (administrator roles: only `cocreate account`)',
        response: { 200: S.RoleCatalogue },
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
        response: { 200: S.Departments },
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
        querystring: S.StaffQuery,
        response: { 200: S.StaffPage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => listStaff(deps, requireUser(req), req.query),
  );

  app.get(
    '/api/users/:id/roles',
    {
      schema: {
        tags: ['access'],
        summary: "A user's active role assignments",
        params: S.IdParams,
        response: { 200: S.UserGrants, ...errorResponses(401, 403) },
      },
    },
    async (req) => userAssignments(deps, requireUser(req), req.params.id),
  );

  app.get(
    '/api/grantees',
    {
      schema: {
        tags: ['access'],
        summary:
          'People to grant a role to (security administrator): users living or holding a role at or below a division, by part of a name or a whole phone (blind index); masked, every search audited',
        querystring: S.GranteeQuery,
        response: { 200: S.GranteePage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => searchGrantees(deps, requireUser(req), req.query),
  );

  app.post(
    '/api/role-assignments',
    {
      schema: {
        tags: ['access'],
        summary: 'Grant a role at a division (security administrator)',
        body: S.GrantBody,
        response: { 201: S.Assignment, ...errorResponses(400, 401, 403, 404) },
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
        params: S.IdParams,
        response: { 204: S.NoContent, ...errorResponses(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await revokeRole(deps, requireUser(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
