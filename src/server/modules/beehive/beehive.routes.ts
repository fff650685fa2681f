/** The beehive API: the public station look-up and measures, the worker's own pages, the console. */
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses, limitPerMinute } from '../../platform/http/types';
import { PageQuery } from '../../platform/page';
import * as S from './beehive.schema';
import * as help from './help.service';
import * as stations from './stations.service';

const tags = ['beehive'];
const P = '/api/beehive';
const C = '/api/beehive/console';

export default async function beehiveRoutes(app: App, deps: Deps) {
  // ---- public: no sign-in, no personal data, limited per client address ----
  const publicRead = limitPerMinute(deps.config.rateLimit.publicReadPerMinute);
  app.get(
    `${P}/stations/nearest`,
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'The stations open now (open=any: closed ones too) nearest to a position (no sign-in; not stored)',
        querystring: S.NearestQuery,
        response: { 200: S.NearestResult, ...errorResponses(400, 429) },
      },
    },
    async (req) => stations.nearestOpenStations(deps, req.query),
  );
  app.get(
    `${P}/stations/:id`,
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'One station for anyone: hours, open now or next opening (CST), services, agreement parties',
        params: S.IdParams,
        response: { 200: S.PublicStationResult, ...errorResponses(400, 404, 429) },
      },
    },
    async (req) => stations.publicStation(deps, req.params.id),
  );
  app.get(
    `${P}/towns`,
    {
      config: publicRead,
      schema: {
        tags,
        summary: 'The county seat and town seats, where a rider without a position fix starts looking',
        response: { 200: S.Towns, ...errorResponses(429) },
      },
    },
    async () => stations.towns(deps),
  );
  app.get(
    `${P}/measures`,
    {
      schema: {
        tags,
        summary: 'The published support measures (扶持措施); county officers also see unpublished ones',
        response: { 200: S.Measures, ...errorResponses(400) },
      },
    },
    async (req) => help.measures(deps, req.actor.kind === 'user' ? req.actor : null),
  );

  // ---- the worker ----
  app.post(
    `${P}/checkins`,
    {
      config: limitPerMinute(30),
      schema: {
        tags,
        summary: 'Check in at a station by its code (QR); counted by station and day only; refused when closed',
        body: S.CheckinBody,
        response: { 200: S.CheckinResult, ...errorResponses(400, 401, 404, 409, 429) },
      },
    },
    async (req) => stations.checkIn(deps, requireUser(req), req.body.code),
  );
  app.get(
    `${P}/me`,
    {
      schema: {
        tags,
        summary: 'My worker registration, if any',
        response: { 200: S.MeWorker, ...errorResponses(401) },
      },
    },
    async (req) => help.myWorker(deps, requireUser(req)),
  );
  app.post(
    `${P}/me`,
    {
      schema: {
        tags,
        summary: 'Register as a new-employment worker (consent required)',
        body: S.WorkerBody,
        response: { 201: S.MeWorker, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await help.registerWorker(deps, requireUser(req), req.body)),
  );
  app.post(
    `${P}/me/woodpecker`,
    {
      schema: {
        tags,
        summary: 'Join the woodpecker teams of a village or grid (reports through the case loop, points)',
        body: S.WoodpeckerBody,
        response: { 200: S.MeWorker, ...errorResponses(400, 401, 409) },
      },
    },
    async (req) => help.enrolWoodpecker(deps, requireUser(req), req.body.placeCode),
  );
  app.get(
    `${P}/requests`,
    {
      schema: {
        tags,
        summary: 'My 五帮 requests, newest first',
        querystring: S.RequestsQuery,
        response: { 200: S.HelpRequestPage, ...errorResponses(400, 401, 409) },
      },
    },
    async (req) => help.listRequests(deps, requireUser(req), req.query, true),
  );
  app.post(
    `${P}/requests`,
    {
      config: limitPerMinute(10),
      schema: {
        tags,
        summary: 'A 五帮 request: routed by kind to 人社, 工会, 司法 or 市场监管 with a working-day deadline',
        body: S.RequestBody,
        response: { 201: S.HelpRequest, ...errorResponses(400, 401, 404, 409, 429) },
      },
    },
    async (req, reply) => reply.status(201).send(await help.createRequest(deps, requireUser(req), req.body)),
  );
  app.get(
    `${P}/requests/:id`,
    {
      schema: {
        tags,
        summary: 'One request (its worker, its department, county officers)',
        params: S.IdParams,
        response: { 200: S.HelpRequest, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => help.requestDetail(deps, requireUser(req), req.params.id),
  );
  app.post(
    `${P}/requests/:id/rating`,
    {
      schema: {
        tags,
        summary: 'Rate the answer; with a follow-up the request returns to the department, else it closes',
        params: S.IdParams,
        body: S.RateBody,
        response: { 200: S.HelpRequest, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => help.rateRequest(deps, requireUser(req), req.params.id, req.body),
  );

  // ---- console ----
  app.get(
    `${C}/stations`,
    {
      schema: {
        tags,
        summary: 'Stations of my places, by name',
        querystring: S.StationsQuery,
        response: { 200: S.StationPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => stations.listStations(deps, requireUser(req), req.query),
  );
  app.post(
    `${C}/stations`,
    {
      schema: {
        tags,
        summary: 'A new station (inside the county)',
        body: S.StationBody,
        response: { 201: S.Station, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.status(201).send(await stations.createStation(deps, requireUser(req), req.body)),
  );
  app.get(
    `${C}/stations/:id`,
    {
      schema: {
        tags,
        summary: 'A station with its agreements and 30 days of check-in counts',
        params: S.IdParams,
        response: { 200: S.StationDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => stations.stationDetail(deps, requireUser(req), req.params.id),
  );
  app.put(
    `${C}/stations/:id`,
    {
      schema: {
        tags,
        summary: 'Change a station',
        params: S.IdParams,
        body: S.StationBody,
        response: { 200: S.Station, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => stations.changeStation(deps, requireUser(req), req.params.id, req.body),
  );
  app.post(
    `${C}/stations/:id/agreements`,
    {
      schema: {
        tags,
        summary: 'A co-building agreement (it may not end before it starts)',
        params: S.IdParams,
        body: S.AgreementBody,
        response: { 201: S.StationDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await stations.addAgreement(deps, requireUser(req), req.params.id, req.body)),
  );
  app.put(
    `${C}/stations/:id/medicines`,
    {
      schema: {
        tags,
        summary: 'Set one emergency medicine’s stock and low mark',
        params: S.IdParams,
        body: S.MedicineBody,
        response: { 200: S.Station, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => stations.setMedicine(deps, requireUser(req), req.params.id, req.body),
  );
  app.get(
    `${C}/agreements/due`,
    {
      schema: {
        tags,
        summary: 'Stations whose agreement must be renewed, has ended or is missing',
        response: { 200: S.DueAgreements, ...errorResponses(401, 403) },
      },
    },
    async (req) => stations.dueAgreements(deps, requireUser(req)),
  );
  app.get(
    `${C}/workers`,
    {
      schema: {
        tags,
        summary: 'Registered workers at stations of my places',
        querystring: PageQuery,
        response: { 200: S.WorkerPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => help.listWorkers(deps, requireUser(req), req.query),
  );
  app.get(
    `${C}/requests`,
    {
      schema: {
        tags,
        summary: 'Requests routed to my department (county officers: all), newest first',
        querystring: S.RequestsQuery,
        response: { 200: S.HelpRequestPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => help.listRequests(deps, requireUser(req), req.query, false),
  );
  app.post(
    `${C}/requests/:id/answer`,
    {
      schema: {
        tags,
        summary: 'Answer a request routed to my department',
        params: S.IdParams,
        body: S.AnswerBody,
        response: { 200: S.HelpRequest, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => help.answerRequest(deps, requireUser(req), req.params.id, req.body.answer),
  );
  app.put(
    `${C}/measures`,
    {
      schema: {
        tags,
        summary: 'Add or change a support measure by its number (county officers)',
        body: S.MeasureBody,
        response: { 200: S.Measure, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => help.saveMeasure(deps, requireUser(req), req.body),
  );
}
