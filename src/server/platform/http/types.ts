import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import Type from 'typebox';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/** The one error body, for OpenAPI. */
export const ErrorBody = Type.Object(
  { code: Type.String(), message: Type.String(), details: Type.Record(Type.String(), Type.Unknown()) },
  { description: 'Every error: a stable code, a message in zh-CN or en (Accept-Language), details' },
);

export const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, ErrorBody])) as Record<number, typeof ErrorBody>;

/** Per-route rate limit config for @fastify/rate-limit. */
export const limitPerMinute = (max: number) => ({ rateLimit: { max, timeWindow: 60_000 } });

/** A timestamp in responses: services return Date, the serializer writes ISO 8601. */
export const DateTime = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
export const NullableDateTime = Type.Unsafe<Date | string | null>({ type: ['string', 'null'], format: 'date-time' });

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The success response of a route answering with an xlsx file: its binary content type, no JSON. */
export const XlsxFile = {
  description: 'an xlsx workbook',
  content: { [XLSX_TYPE]: { schema: Type.String({ format: 'binary' }) } },
};
export const PDF_TYPE = 'application/pdf';
/** The success response of a route answering with a PDF: its bytes. */
export const pdfFile = (description: string) => ({
  description,
  content: { [PDF_TYPE]: { schema: Type.String({ format: 'binary' }) } },
});
/** A streamed file as the body of a route whose response is declared binary (`XlsxFile`): the bytes are the string. */
export const fileBody = (stream: NodeJS.ReadableStream) => stream as unknown as string;
