/** The alliance's API: the public member list, the console's member register and the 五帮 routing. */
import type { Deps } from '../../platform/deps';
import { IdParams } from '../../platform/http/schema-helpers';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import * as S from './alliance.schema';
import * as alliance from './alliance.service';

const tags = ['beehive'];
const C = '/api/beehive/console';

export default async function allianceRoutes(app: App, deps: Deps) {
  app.get(
    '/api/beehive/alliance',
    {
      schema: {
        tags,
        summary: 'The members of the 红新党建服务联盟 today (no sign-in)',
        response: { 200: S.PublicMembers },
      },
    },
    async () => alliance.publicMembers(deps),
  );
  app.get(
    `${C}/alliance`,
    {
      schema: {
        tags,
        summary: "The alliance's member organisations, with the workers naming each platform",
        response: { 200: S.Members, ...errorResponses(401, 403) },
      },
    },
    async (req) => alliance.members(deps, requireUser(req)),
  );
  app.post(
    `${C}/alliance`,
    {
      schema: {
        tags,
        summary: 'Register a member organisation (county officers)',
        body: S.MemberBody,
        response: { 201: S.Member, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await alliance.saveMember(deps, requireUser(req), null, req.body)),
  );
  app.put(
    `${C}/alliance/:id`,
    {
      schema: {
        tags,
        summary: 'Change a member organisation (or record that it left)',
        params: IdParams,
        body: S.MemberBody,
        response: { 200: S.Member, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => alliance.saveMember(deps, requireUser(req), req.params.id, req.body),
  );
  app.get(
    `${C}/routes`,
    {
      schema: {
        tags,
        summary: 'Which body answers each kind of 五帮 request, within how many working days',
        response: { 200: S.Routes, ...errorResponses(401, 403) },
      },
    },
    async (req) => alliance.routes(deps, requireUser(req)),
  );
  app.put(
    `${C}/routes/:kind`,
    {
      schema: {
        tags,
        summary: "Change a kind's body and time limit (county officers; audited; new requests only)",
        params: S.RouteParams,
        body: S.RouteBody,
        response: { 200: S.Routes, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => alliance.setRoute(deps, requireUser(req), req.params.kind, req.body),
  );
}
