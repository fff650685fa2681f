/** The resident app's points API: my points and history, the shop, redemptions, publicity and objections. */
import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import { objectToAward, publicityList } from './approval.service';
import { myHistory, myPoints } from './ledger.service';
import { cancelRedemption, myRedemptions, redeem } from './redemption.service';
import { shopForResident } from './shop.service';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Points = Type.Integer({
  minimum: 1,
  maximum: 1_000_000,
  description: 'a positive whole number of points or items',
});

const MyPoints = Type.Object({
  balance: Type.Integer(),
  pending: Type.Integer({ description: 'awards on their way: pending, reviewed, in publicity or objected' }),
  pendingDeductions: Type.Integer(),
  exchange: Type.Object({ points: Type.Integer(), yuan: Type.Number() }, { description: 'e.g. 10 points = 5 yuan' }),
  shopPlaces: Type.Array(Type.String(), { description: 'registered places whose shops serve me' }),
  placeToConfirm: Type.Union([Type.String(), Type.Null()], {
    description: 'my chosen place, waiting for staff to confirm it as my shop place',
  }),
});
const HistoryRow = Type.Object({
  entryId: Type.Integer(),
  at: Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' }),
  amount: Type.Integer(),
  kind: Type.String(),
  memo: Type.String({ description: 'the reason' }),
  expiresAt: Type.Union([Type.Null(), Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' })]),
  awardId: Type.Union([Type.String(), Type.Null()]),
  redemptionId: Type.Union([Type.String(), Type.Null()]),
});
const Redemption = Type.Unknown({
  description:
    'Redemption: id, itemName, quantity, points, state, pickupCode and qrPayload (own, while reserved), expiresAt, actions[]',
});
const Item = Type.Unknown({
  description:
    'Item: id, divisionCode, name, pricePoints, yuanValue, exchange, stock, perPersonLimit, photoUrl, actions[]',
});

export default async function residentPointsRoutes(app: App, deps: Deps) {
  app.get(
    '/api/points/me',
    {
      schema: {
        tags: ['points'],
        summary: 'My points: balance, pending and the exchange (10 points = 5 yuan)',
        response: { 200: MyPoints, ...errorResponses(401) },
      },
    },
    async (req) => myPoints(deps, requireUser(req)),
  );

  app.get(
    '/api/points/me/history',
    {
      schema: {
        tags: ['points'],
        summary: 'My ledger entries, newest first, each with its reason',
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(HistoryRow), ...errorResponses(401) },
      },
    },
    async (req) => myHistory(deps, requireUser(req), req.query.limit),
  );

  app.get(
    '/api/points/shop',
    {
      schema: {
        tags: ['points'],
        summary: 'The points shop: items offered to my village, town and county',
        response: { 200: Type.Array(Item), ...errorResponses(401) },
      },
    },
    async (req) => shopForResident(deps, requireUser(req)),
  );

  app.post(
    '/api/points/redemptions',
    {
      schema: {
        tags: ['points'],
        summary: 'Redeem: reserves points and stock, returns a 6-digit pickup code and a QR payload',
        body: Type.Object(
          { itemId: Type.String({ format: 'uuid' }), quantity: Type.Optional(Points) },
          { additionalProperties: false },
        ),
        response: { 201: Redemption, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await redeem(deps, requireUser(req), req.body)),
  );

  app.get(
    '/api/points/me/redemptions',
    {
      schema: {
        tags: ['points'],
        summary: 'My redemptions with pickup codes',
        response: { 200: Type.Array(Redemption), ...errorResponses(401) },
      },
    },
    async (req) => myRedemptions(deps, requireUser(req)),
  );

  app.post(
    '/api/points/redemptions/:id/cancel',
    {
      schema: {
        tags: ['points'],
        summary: 'Cancel my reservation: points and stock are released',
        params: Id,
        response: { 200: Redemption, ...errorResponses(401, 404, 409) },
      },
    },
    async (req) => cancelRedemption(deps, requireUser(req), req.params.id),
  );

  app.get(
    '/api/points/publicity',
    {
      schema: {
        tags: ['points'],
        summary: 'The publicity list (公示) of my village, or of a given division: names masked',
        querystring: Type.Object(
          { divisionCode: Type.Optional(Type.String({ pattern: '^[0-9]{6,20}$' })) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => publicityList(deps, requireUser(req), req.query.divisionCode),
  );

  app.post(
    '/api/points/awards/:id/objections',
    {
      schema: {
        tags: ['points'],
        summary: 'Object to an award during its publicity period (异议)',
        params: Id,
        body: Type.Object({ reason: Type.String({ minLength: 2, maxLength: 500 }) }, { additionalProperties: false }),
        response: {
          201: Type.Object({ id: Type.String(), awardId: Type.String(), state: Type.String() }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await objectToAward(deps, requireUser(req), req.params.id, req.body.reason)),
  );
}
