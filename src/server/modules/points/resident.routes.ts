/** The resident app's points API: my points and history, the shop, redemptions, publicity and objections. */
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import { objectToAward, publicityList } from './approval.service';
import { myHistory, myPoints } from './ledger.service';
import * as S from './points.schema';
import { cancelRedemption, myRedemptions, redeem } from './redemption.service';
import { shopForResident } from './shop.service';

const tags = ['points'];

export default async function residentPointsRoutes(app: App, deps: Deps) {
  app.get(
    '/api/points/me',
    {
      schema: {
        tags,
        summary: 'My points: balance, pending and the exchange (10 points = 5 yuan)',
        response: { 200: S.MyPoints, ...errorResponses(401) },
      },
    },
    async (req) => myPoints(deps, requireUser(req)),
  );

  app.get(
    '/api/points/me/history',
    {
      schema: {
        tags,
        summary: 'My ledger entries, newest first, each with its reason',
        querystring: S.PageQuery,
        response: { 200: S.HistoryPage, ...errorResponses(400, 401) },
      },
    },
    async (req) => myHistory(deps, requireUser(req), req.query),
  );

  app.get(
    '/api/points/shop',
    {
      schema: {
        tags,
        summary: 'The points shop: items offered to my village, town and county (nearest shop first, then by price)',
        querystring: S.PageQuery,
        response: { 200: S.ItemPage, ...errorResponses(400, 401) },
      },
    },
    async (req) => shopForResident(deps, requireUser(req), req.query),
  );

  app.post(
    '/api/points/redemptions',
    {
      schema: {
        tags,
        summary: 'Redeem: reserves points and stock, returns a 6-digit pickup code and a QR payload',
        body: S.RedeemBody,
        response: { 201: S.Redemption, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await redeem(deps, requireUser(req), req.body)),
  );

  app.get(
    '/api/points/me/redemptions',
    {
      schema: {
        tags,
        summary: 'My redemptions with pickup codes, newest first',
        querystring: S.PageQuery,
        response: { 200: S.RedemptionPage, ...errorResponses(400, 401) },
      },
    },
    async (req) => myRedemptions(deps, requireUser(req), req.query),
  );

  app.post(
    '/api/points/redemptions/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel my reservation: points and stock are released',
        params: S.IdParams,
        response: { 200: S.Redemption, ...errorResponses(401, 404, 409) },
      },
    },
    async (req) => cancelRedemption(deps, requireUser(req), req.params.id),
  );

  app.get(
    '/api/points/publicity',
    {
      schema: {
        tags,
        summary: 'The publicity list (公示) of my village, or of a given division, newest first: names masked',
        querystring: S.PublicityQuery,
        response: { 200: S.PublicityPage, ...errorResponses(400, 401) },
      },
    },
    async (req) => publicityList(deps, requireUser(req), req.query.divisionCode, req.query),
  );

  app.post(
    '/api/points/awards/:id/objections',
    {
      schema: {
        tags,
        summary: 'Object to an award during its publicity period (异议)',
        params: S.IdParams,
        body: S.ObjectionBody,
        response: { 201: S.ObjectionCreated, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await objectToAward(deps, requireUser(req), req.params.id, req.body.reason)),
  );
}
