/** The audit module's contract: search (a keyset page, newest first), the xlsx export, verify. */
import Type, { type Static } from 'typebox';
import { DateTime } from '../../platform/http/types';
import { PageOf, PageQueryFields } from '../../platform/page';
import { Closed, literals, Nullable } from '../../platform/http/schema-helpers';

const FilterFields = {
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  actorId: Type.Optional(Type.String({ format: 'uuid' })),
  action: Type.Optional(Type.String({ maxLength: 60, description: 'an action or a prefix of one (accounts.)' })),
  entityType: Type.Optional(Type.String({ maxLength: 40 })),
  entityId: Type.Optional(Type.String({ maxLength: 80 })),
  outcome: Type.Optional(literals(['success', 'failure', 'denied'])),
};

export const SearchQuery = Type.Object({ ...FilterFields, ...PageQueryFields }, Closed);
export type SearchQuery = Static<typeof SearchQuery>;

export const ExportQuery = Type.Object(
  {
    ...FilterFields,
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'the newest rows only (default: every row)' }),
    ),
  },
  Closed,
);
export type ExportQuery = Static<typeof ExportQuery>;

/**
 * An audit snapshot (before/after) is whatever the writing module recorded: any JSON value. Said
 * so honestly, one JSON type at a time; an object or array is passed through as it was stored.
 */
export const JsonValue = Type.Unsafe<unknown>(
  Type.Union(
    [
      Type.Object({}, { additionalProperties: true, description: 'a JSON object, as stored' }),
      Type.Unsafe<unknown[]>({ type: 'array', description: 'a JSON array, as stored' }),
      Type.String(),
      Type.Number(),
      Type.Boolean(),
      Type.Null(),
    ],
    { description: 'a JSON value as the writing module recorded it' },
  ),
);

export const AuditRow = Type.Object({
  id: Type.Integer(),
  at: DateTime,
  actorId: Nullable(Type.String()),
  actorLabel: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  action: Type.String(),
  entityType: Nullable(Type.String()),
  entityId: Nullable(Type.String()),
  scopeCode: Nullable(Type.String()),
  before: JsonValue,
  after: JsonValue,
  outcome: literals(['success', 'failure', 'denied']),
  prevHash: Type.String(),
  hash: Type.String(),
});
export type AuditRow = Static<typeof AuditRow>;
export const AuditPage = PageOf(AuditRow);

const ChainBreak = Type.Object({
  id: Type.Integer(),
  chain: Type.Integer(),
  reason: Type.String({ description: 'hash_mismatch, link_mismatch or link_and_hash_mismatch' }),
});

export const VerifyResult = Type.Object({
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
export type VerifyResult = Static<typeof VerifyResult>;
