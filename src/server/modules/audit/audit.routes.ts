import { PassThrough } from 'node:stream';
import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, DateTime, NullableDateTime, errorResponses } from '../../platform/http/types';
import { writeAuditXlsx } from './audit.export';
import { searchAuditLog, verifyAuditForActor } from './audit.service';

const Filter = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    actorId: Type.Optional(Type.String({ format: 'uuid' })),
    action: Type.Optional(Type.String({ maxLength: 60 })),
    entityType: Type.Optional(Type.String({ maxLength: 40 })),
    entityId: Type.Optional(Type.String({ maxLength: 80 })),
    outcome: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('failure'), Type.Literal('denied')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, default: 100 })),
    beforeId: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

const AuditRow = Type.Object({
  id: Type.Integer(),
  at: DateTime,
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorLabel: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.Union([Type.String(), Type.Null()]),
  entityId: Type.Union([Type.String(), Type.Null()]),
  scopeCode: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  outcome: Type.String(),
  prevHash: Type.String(),
  hash: Type.String(),
});

const ChainBreak = Type.Object({
  id: Type.Integer(),
  chain: Type.Integer(),
  reason: Type.String({ description: 'hash_mismatch, link_mismatch or link_and_hash_mismatch' }),
});
const VerifyResult = Type.Object({
  ok: Type.Boolean(),
  rows: Type.Integer({ description: 'rows checked: all of them' }),
  breaks: Type.Integer({ description: 'rows that do not hold' }),
  first: Type.Optional(ChainBreak),
  last: Type.Optional(ChainBreak),
  brokenChains: Type.Array(Type.Integer()),
  listed: Type.Array(ChainBreak, { description: 'the first 100 breaks' }),
  brokenAt: Type.Optional(Type.Integer()),
  reason: Type.Optional(Type.String()),
});

const toFilter = (q: Type.Static<typeof Filter>) => ({
  ...q,
  from: q.from ? new Date(q.from) : undefined,
  to: q.to ? new Date(q.to) : undefined,
  limit: q.limit ?? 100,
});

export default async function auditRoutes(app: App, deps: Deps) {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Search the audit trail (audit administrator)',
        querystring: Filter,
        response: { 200: Type.Array(AuditRow), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => searchAuditLog(deps, requireUser(req), toFilter(req.query)),
  );

  app.get(
    '/api/audit/export.xlsx',
    {
      schema: {
        tags: ['audit'],
        summary: 'The filtered audit trail as an xlsx ledger (audit administrator)',
        querystring: Filter,
      },
    },
    async (req, reply) => {
      const rows = await searchAuditLog(deps, requireUser(req), {
        ...toFilter(req.query),
        limit: req.query.limit ?? 10000,
      });
      const stream = new PassThrough();
      void writeAuditXlsx(rows, stream).catch((err) => stream.destroy(err));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.xlsx"`)
        .send(stream);
    },
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        tags: ['audit'],
        summary: 'Verify every row of the hash chains and report every break (audit administrator)',
        response: { 200: VerifyResult, ...errorResponses(401, 403) },
      },
    },
    async (req) => verifyAuditForActor(deps, requireUser(req)),
  );
}
