import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import { coverageReport, uncoveredList } from './coverage.service';
import * as S from './organisation.schema';
import { getHousehold, getPerson, revealPerson, searchPeople } from './people.service';
import { gridMap, myHousehold, partyOrgTree } from './places.service';

export default async function organisationRoutes(app: App, deps: Deps) {
  app.get(
    '/api/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Search people in your area by name, phone (blind index) or ID number (blind index); paged',
        querystring: S.PeopleQuery,
        response: { 200: S.PeoplePage, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => searchPeople(deps, requireUser(req), req.query),
  );

  app.get(
    '/api/people/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'One person, identifiers masked',
        params: S.IdParams,
        response: { 200: S.Person, ...errorResponses(401, 404) },
      },
    },
    async (req) => getPerson(deps, requireUser(req), req.params.id),
  );

  app.post(
    '/api/people/:id/reveal',
    {
      schema: {
        tags: ['people'],
        summary: 'Reveal the full ID number or phone (pii_viewer role; audited)',
        params: S.IdParams,
        body: S.RevealBody,
        response: { 200: S.Revealed, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => revealPerson(deps, requireUser(req), req.params.id, req.body.field),
  );

  app.get(
    '/api/households/:code',
    {
      schema: {
        tags: ['people'],
        summary: 'A household and its members',
        params: S.HouseholdParams,
        response: { 200: S.Household, ...errorResponses(401, 404) },
      },
    },
    async (req) => getHousehold(deps, requireUser(req), req.params.code),
  );

  app.get(
    '/api/coverage/:code',
    {
      schema: {
        tags: ['people'],
        summary: 'Coverage of households by linked party members, with one level of drill-down',
        params: S.CodeParams,
        response: { 200: S.Coverage, ...errorResponses(401, 404) },
      },
    },
    async (req) => coverageReport(deps, requireUser(req), req.params.code),
  );

  app.get(
    '/api/coverage/:code/uncovered',
    {
      schema: {
        tags: ['people'],
        summary: 'Households not yet covered (paged by code)',
        params: S.CodeParams,
        querystring: S.PageQuery,
        response: { 200: S.UncoveredPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => uncoveredList(deps, requireUser(req), req.params.code, req.query),
  );

  app.get(
    '/api/grids/map',
    {
      schema: {
        tags: ['places'],
        summary: 'Grid polygons under a division as GeoJSON (WGS-84), with coverage',
        querystring: S.ScopeQuery,
        response: { 200: S.GridMap, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => gridMap(deps, requireUser(req), req.query.scope),
  );

  app.get(
    '/api/party/orgs',
    {
      schema: {
        tags: ['party'],
        summary: 'Party organisations attached at or below a division (the whole tree of your area)',
        querystring: S.ScopeQuery,
        response: { 200: S.PartyOrgs, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => partyOrgTree(deps, requireUser(req), req.query.scope),
  );

  app.get(
    '/api/my/household',
    {
      schema: {
        tags: ['people'],
        summary: "The signed-in resident's household, grid, grid worker and linked party member",
        response: { 200: S.MyHouseholds, ...errorResponses(401) },
      },
    },
    async (req) => myHousehold(deps, requireUser(req)),
  );
}
