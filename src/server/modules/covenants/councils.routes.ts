/** The councils (两会) API and the 红白理事会's register of family events. */
import type { Deps } from '../../platform/deps';
import { IdParams } from '../../platform/http/schema-helpers';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import * as S from './councils.schema';
import * as councils from './councils.service';
import { ScopeQuery } from './covenants.schema';
import * as events from './events.service';

const tags = ['covenants'];

export default async function councilRoutes(app: App, deps: Deps) {
  app.get(
    '/api/councils',
    {
      schema: {
        tags,
        summary: 'Councils (业委会, 小区自治委员会, 村民议事会, 红白理事会) of my places with terms and members',
        querystring: ScopeQuery,
        response: { 200: S.CouncilPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => councils.listCouncils(deps, requireUser(req), req.query),
  );
  app.post(
    '/api/councils',
    {
      schema: {
        tags,
        summary: 'Set up a council of a village or community',
        body: S.NewCouncil,
        response: { 201: S.Council, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await councils.createCouncil(deps, requireUser(req), req.body)),
  );
  app.post(
    '/api/councils/:id/terms',
    {
      schema: {
        tags,
        summary: 'A new term with its members (residents of the place; one 主任); terms do not overlap',
        params: IdParams,
        body: S.NewTerm,
        response: { 201: S.Council, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await councils.addTerm(deps, requireUser(req), req.params.id, req.body)),
  );
  app.get(
    '/api/family-events',
    {
      schema: {
        tags,
        summary: 'The 红白事 register of my places, latest first, with the flags of events over the covenant’s limits',
        querystring: ScopeQuery,
        response: { 200: S.FamilyEventPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => events.listEvents(deps, requireUser(req), req.query),
  );
  app.post(
    '/api/family-events',
    {
      schema: {
        tags,
        summary:
          'Record a 红白事: checked against the limits of the article in force; over a limit it is flagged, not refused',
        body: S.NewEvent,
        response: { 201: S.FamilyEvent, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await events.recordEvent(deps, requireUser(req), req.body)),
  );
}
