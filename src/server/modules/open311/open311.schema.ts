/**
 * The contract of the Open311 routes: the GeoReport v2 JSON shapes (as the schemas vendored in
 * fixtures/ describe them, with mySociety's extensions) and XML as a string body. The JSON answers
 * are serialised through these schemas, so nothing unlisted leaves.
 */
import Type, { type TSchema } from 'typebox';

const Param = Type.Optional(Type.Union([Type.String(), Type.Array(Type.String())]));
export const JurisdictionQuery = Type.Object({ jurisdiction_id: Param });
const DateFilter = { jurisdiction_id: Param, start_date: Param, end_date: Param };
export const RequestsQuery = Type.Object({
  ...DateFilter,
  service_request_id: Param,
  service_code: Param,
  status: Param,
});
export const UpdatesQuery = Type.Object(DateFilter);
export const FileParams = Type.Object({ file: Type.String({ description: 'id.xml or id.json' }) });

const Opt = <T extends TSchema>(s: T) => Type.Optional(s);

export const Discovery = Type.Object({
  changeset: Type.String(),
  contact: Type.String(),
  key_service: Type.String(),
  endpoints: Type.Array(
    Type.Object({
      specification: Type.String(),
      url: Type.String(),
      changeset: Type.String(),
      type: Type.Enum(['production', 'test'] as const),
      formats: Type.Array(Type.String()),
    }),
  ),
});

export const Service = Type.Object({
  service_code: Type.String(),
  service_name: Type.String(),
  description: Opt(Type.String()),
  metadata: Type.Boolean(),
  type: Type.Enum(['realtime', 'batch', 'blackbox'] as const),
  keywords: Opt(Type.String({ description: 'comma separated, as FixMyStreet splits them' })),
  group: Opt(Type.String()),
  groups: Opt(Type.Array(Type.String(), { description: "mySociety's extension: every group of the service" })),
});

export const ServiceDefinition = Type.Object({
  service_code: Type.String(),
  attributes: Type.Array(
    Type.Object({
      variable: Type.Boolean(),
      code: Type.String(),
      datatype: Type.Enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const),
      required: Type.Boolean(),
      datatype_description: Opt(Type.String()),
      order: Type.Integer(),
      description: Type.String(),
      values: Opt(Type.Array(Type.Object({ key: Type.String(), name: Type.String() }))),
    }),
  ),
});

export const ServiceRequest = Type.Object({
  service_request_id: Type.String(),
  status: Type.String({ description: "open or closed, or one of mySociety's extended statuses" }),
  status_notes: Opt(Type.String()),
  service_name: Opt(Type.String()),
  service_code: Type.String(),
  description: Opt(Type.String()),
  agency_responsible: Opt(Type.String()),
  requested_datetime: Type.String({ description: 'w3 datetime' }),
  updated_datetime: Opt(Type.String({ description: 'w3 datetime' })),
  expected_datetime: Opt(Type.String({ description: 'w3 datetime' })),
  address: Opt(Type.String()),
  lat: Type.Number(),
  long: Type.Number(),
  media_url: Opt(Type.String()),
});

/** What a POST answers: the new request's id and a notice (or, for /tokens, the token it was made from). */
export const RequestReceipt = Type.Object({
  service_request_id: Type.String(),
  service_notice: Opt(Type.String()),
  token: Opt(Type.String()),
});

export const ServiceRequestUpdate = Type.Object({
  update_id: Type.String(),
  service_request_id: Type.String(),
  status: Type.String(),
  updated_datetime: Type.String({ description: 'w3 datetime' }),
  description: Type.String(),
  media_url: Opt(Type.String()),
  external_status_code: Type.String(),
});
export const UpdateReceipt = Type.Object({ update_id: Type.String() });

const Xml = Type.String({ description: 'the same answer as XML (text/xml)' });

/** A success answer in the format the path names. */
export function answer(format: 'json' | 'xml', json: TSchema) {
  return format === 'json'
    ? { content: { 'application/json': { schema: json } } }
    : { content: { 'text/xml': { schema: Xml } } };
}

/** A success answer of a path whose extension decides the format. */
export const eitherFormat = (json: TSchema) => ({
  content: { 'application/json': { schema: json }, 'text/xml': { schema: Xml } },
});
