/**
 * The HTTP side of a 台账 import (platform/sheet-import.ts): the query (dry run or all-or-nothing,
 * xlsx or csv), the answer (counts and the first row errors, zh and en), and the uploaded file.
 * The body reaches the route as the stream the register upload parser leaves. Also how a template
 * or register is sent.
 */
import { PassThrough, type Writable } from 'node:stream';
import Type, { type Static } from 'typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Closed, literals } from './schema-helpers';
import { fileBody, XLSX_TYPE } from './types';
import { uploadedStream } from './uploads';

export const SHEET_UPLOAD_TYPES = ['application/octet-stream', 'text/csv', XLSX_TYPE];
export const MAX_SHEET_UPLOAD = 20 * 1024 * 1024;

export const SheetImportQuery = Type.Object(
  { mode: literals(['dry-run', 'all-or-nothing']), format: Type.Optional(literals(['xlsx', 'csv'])) },
  Closed,
);
export type SheetImportQuery = Static<typeof SheetImportQuery>;

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() }, Closed);
export const SheetImportOutcome = Type.Object(
  {
    mode: literals(['dry-run', 'all-or-nothing']),
    totalRows: Type.Integer(),
    validRows: Type.Integer(),
    importedRows: Type.Integer(),
    errorCount: Type.Integer(),
    errors: Type.Array(
      Type.Object({ row: Type.Integer(), column: Type.String(), reason: Bilingual, code: Type.String() }, Closed),
      { description: 'the first 500 row errors (row number, column, reason in Chinese and English)' },
    ),
  },
  Closed,
);

/** The uploaded file, read whole (register files are at most MAX_SHEET_UPLOAD). */
export async function uploadedSheet(req: FastifyRequest): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of uploadedStream(req, SHEET_UPLOAD_TYPES)) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
}

/** Streams an xlsx written by `write` (a template, a register); a failure before the first byte is an error answer. */
export async function sendXlsx(reply: FastifyReply, name: string, write: (out: Writable) => Promise<void>) {
  const out = new PassThrough();
  const done = write(out);
  await Promise.race([done, new Promise((r) => out.once('readable', r))]);
  void done.catch((e) => out.destroy(e));
  reply.header('content-type', XLSX_TYPE);
  reply.header('content-disposition', `attachment; filename="${name}.xlsx"`);
  return fileBody(out);
}
