import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import { coverageReport, uncoveredList } from './coverage.service';
import { getHousehold, getPerson, revealPerson, searchPeople } from './people.service';
import { gridMap, myHousehold, partyOrgTree } from './places.service';

const Code = Type.String({ pattern: '^[0-9]{6,22}$' });
const Person = Type.Object({
  id: Type.String(),
  householdCode: Type.String(),
  address: Type.String(),
  name: Type.String(),
  idMasked: Type.String(),
  phoneMasked: Type.Union([Type.String(), Type.Null()]),
  gender: Type.String(),
  birthDate: Type.String(),
  relation: Type.String(),
  partyMember: Type.Boolean(),
  actions: Type.Array(Type.String()),
});
const Figures = {
  households: Type.Integer(),
  residents: Type.Integer(),
  covered: Type.Integer(),
  uncovered: Type.Integer(),
  percent: Type.Union([Type.Number(), Type.Null()]),
};

export default async function organisationRoutes(app: App, deps: Deps) {
  app.get(
    '/api/people',
    {
      schema: {
        tags: ['people'],
        summary: 'Search people in your area by name, phone (blind index) or ID number (blind index)',
        querystring: Type.Object(
          { q: Type.String({ minLength: 1, maxLength: 40 }), scope: Type.Optional(Code) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ matchedBy: Type.String(), people: Type.Array(Person) }),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (req) => searchPeople(deps, requireUser(req), req.query.q, req.query.scope),
  );

  app.get(
    '/api/people/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'One person, identifiers masked',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: Person, ...errorResponses(401, 404) },
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
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Object(
          { field: Type.Union([Type.Literal('idNumber'), Type.Literal('phone')]) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ field: Type.String(), value: Type.Union([Type.String(), Type.Null()]) }),
          ...errorResponses(400, 401, 403, 404),
        },
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
        params: Type.Object({ code: Type.String({ pattern: '^[0-9]{22}$' }) }),
        response: {
          200: Type.Object({
            code: Type.String(),
            gridCode: Type.String(),
            gridName: Type.String(),
            address: Type.String(),
            lng: Type.Union([Type.Number(), Type.Null()]),
            lat: Type.Union([Type.Number(), Type.Null()]),
            members: Type.Array(Person),
          }),
          ...errorResponses(401, 404),
        },
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
        params: Type.Object({ code: Code }),
        response: {
          200: Type.Object({
            code: Type.String(),
            name: Type.String(),
            level: Type.Integer(),
            ...Figures,
            children: Type.Array(
              Type.Object({ code: Type.String(), name: Type.String(), kind: Type.String(), ...Figures }),
            ),
          }),
          ...errorResponses(401, 404),
        },
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
        params: Type.Object({ code: Code }),
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
            after: Type.Optional(Type.String({ pattern: '^[0-9]{22}$' })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Array(Type.Object({ code: Type.String(), address: Type.String(), members: Type.Integer() })),
          ...errorResponses(401, 404),
        },
      },
    },
    async (req) => uncoveredList(deps, requireUser(req), req.params.code, req.query.limit ?? 100, req.query.after),
  );

  app.get(
    '/api/grids/map',
    {
      schema: {
        tags: ['places'],
        summary: 'Grid polygons under a division as GeoJSON (WGS-84), with coverage',
        querystring: Type.Object({ scope: Code }, { additionalProperties: false }),
      },
    },
    async (req) => gridMap(deps, requireUser(req), req.query.scope),
  );

  app.get(
    '/api/party/orgs',
    {
      schema: {
        tags: ['party'],
        summary: 'Party organisations attached at or below a division',
        querystring: Type.Object({ scope: Code }, { additionalProperties: false }),
        response: {
          200: Type.Array(
            Type.Object({
              code: Type.String(),
              name: Type.String(),
              kind: Type.String(),
              parentCode: Type.Union([Type.String(), Type.Null()]),
              divisionCode: Type.String(),
              members: Type.Integer(),
            }),
          ),
          ...errorResponses(401, 404),
        },
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
      },
    },
    async (req) => myHousehold(deps, requireUser(req)),
  );
}
