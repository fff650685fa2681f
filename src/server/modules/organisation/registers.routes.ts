import { PassThrough } from 'node:stream';
import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { pickLang } from '../../platform/errors';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import { uploadedStream } from '../../platform/http/uploads';
import { writeErrorReport } from '../../platform/sheets';
import { REGISTERS } from './registers.sheets';
import { getJob, startImport } from './registers.jobs';
import * as S from './registers.schema';
import { exportRegister, registerOf, writeRegisterTemplate } from './registers.service';

const { XLSX } = S;

const UPLOAD_TYPES = ['application/octet-stream', 'text/csv', XLSX];
const Sheet = Type.Object({ sheet: Type.Union(Object.keys(REGISTERS).map((k) => Type.Literal(k))) });

/** Answers with a spreadsheet written as it streams out (the handler returns the stream). */
const sendXlsx = (
  reply: { header(k: string, v: string): unknown },
  name: string,
  write: (out: PassThrough) => Promise<void>,
): PassThrough => {
  const out = new PassThrough();
  void write(out).catch((e) => out.destroy(e));
  reply.header('content-type', XLSX);
  reply.header('content-disposition', `attachment; filename="${encodeURIComponent(name)}.xlsx"`);
  return out;
};

export default async function registerRoutes(app: App, deps: Deps) {
  // Uploads arrive as the raw file; it is streamed to disk, never buffered whole.
  app.addContentTypeParser(UPLOAD_TYPES, (_req, payload, done) => done(null, payload));

  app.get(
    '/api/registers',
    {
      schema: {
        tags: ['registers'],
        summary: 'The registers (台账) that can be imported and exported',
        response: { 200: S.RegisterCatalogue },
      },
    },
    async () =>
      Object.entries(REGISTERS).map(([name, r]) => ({
        name,
        title: r!.spec.title,
        columns: r!.spec.columns.map((c) => ({ key: c.key, header: c.header, required: c.required })),
      })),
  );

  app.get(
    '/api/registers/:sheet/template.xlsx',
    {
      schema: {
        tags: ['registers'],
        summary: 'Template with Chinese headers, an example row and instructions',
        params: Sheet,
        response: { 200: S.XlsxFile, ...errorResponses(400, 401) },
      },
    },
    async (req, reply) => {
      requireUser(req);
      const lang = pickLang(req.headers['accept-language']) === 'en' ? 'en' : 'zh';
      return sendXlsx(reply, `${registerOf(req.params.sheet).spec.title.zh}-模板`, (out) =>
        writeRegisterTemplate(req.params.sheet, out, lang),
      );
    },
  );

  app.post(
    '/api/registers/:sheet/imports',
    {
      bodyLimit: 200 * 1024 * 1024,
      schema: {
        tags: ['registers'],
        summary:
          'Upload a register (body: the xlsx or csv file). mode=dry-run reports every bad row and writes nothing.',
        params: Sheet,
        querystring: S.ImportQuery,
        response: { 202: S.ImportStarted, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (req, reply) => {
      const actor = requireUser(req);
      const job = await startImport(
        deps,
        actor,
        req.params.sheet,
        req.query.mode,
        req.query.format,
        uploadedStream(req, UPLOAD_TYPES),
      );
      return reply.status(202).send({ jobId: job.id });
    },
  );

  app.get(
    '/api/registers/imports/:id',
    {
      schema: {
        tags: ['registers'],
        summary: 'Progress and result of an import',
        params: S.JobParams,
        response: { 200: S.ImportJob, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => {
      const job = getJob(requireUser(req), req.params.id);
      const result = job.result
        ? { ...job.result, errors: job.result.errors.slice(0, S.SHOWN_IMPORT_ERRORS) }
        : undefined;
      return { ...job, result };
    },
  );

  app.get(
    '/api/registers/imports/:id/errors.xlsx',
    {
      schema: {
        tags: ['registers'],
        summary: 'Every bad row of an import as a spreadsheet',
        params: S.JobParams,
        response: { 200: S.XlsxFile, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const job = getJob(requireUser(req), req.params.id);
      return sendXlsx(reply, 'errors', (out) =>
        writeErrorReport([...(job.result?.fileErrors ?? []), ...(job.result?.errors ?? [])], out),
      );
    },
  );

  app.get(
    '/api/registers/:sheet/export.xlsx',
    {
      schema: {
        tags: ['registers'],
        summary: 'Export a register (台账) for a division in your area',
        params: Sheet,
        querystring: S.ExportQuery,
        response: { 200: S.XlsxFile, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const actor = requireUser(req);
      const lang = pickLang(req.headers['accept-language']) === 'en' ? 'en' : 'zh';
      const title = registerOf(req.params.sheet).spec.title.zh;
      const out = new PassThrough();
      const done = exportRegister(deps, actor, req.params.sheet, req.query.scope, out, lang);
      await Promise.race([done, new Promise((r) => out.once('readable', r))]);
      void done.catch((e) => out.destroy(e));
      reply
        .header('content-type', XLSX)
        .header('content-disposition', `attachment; filename="${encodeURIComponent(title)}.xlsx"`);
      return reply.send(out);
    },
  );
}
