/** The registers' (台账) HTTP contract: the catalogue, imports as jobs, templates and exports as xlsx files. */
import type { Readable } from 'node:stream';
import Type, { type Static } from 'typebox';
import { Closed, literals } from '../../platform/http/schema-helpers';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A spreadsheet answer: the file itself, declared as binary for OpenAPI (no JSON leaves). */
export const XlsxFile = {
  description: 'the spreadsheet (xlsx)',
  content: { [XLSX]: { schema: Type.Unsafe<Readable>({ type: 'string', format: 'binary' }) } },
};

const Text2 = Type.Object({ zh: Type.String(), en: Type.String() });

export const RegisterInfo = Type.Object({
  name: Type.String(),
  title: Text2,
  columns: Type.Array(Type.Object({ key: Type.String(), header: Text2, required: Type.Boolean() })),
});
export type RegisterInfo = Static<typeof RegisterInfo>;
/** The register catalogue: the fixed list of registers.sheets.ts. */
export const RegisterCatalogue = Type.Array(RegisterInfo);

export const ImportMode = literals(['dry-run', 'valid-only', 'all-or-nothing']);
export type ImportMode = Static<typeof ImportMode>;

export const ImportQuery = Type.Object({ mode: ImportMode, format: literals(['xlsx', 'csv']) }, Closed);
export const ImportStarted = Type.Object({ jobId: Type.String() });

export const ImportIssue = Type.Object({
  row: Type.Integer({ description: 'spreadsheet row (header 1); 0 for the whole file' }),
  column: Type.String(),
  reason: Text2,
  code: Type.String(),
});
export type ImportIssue = Static<typeof ImportIssue>;

/** The row errors a job shows: the first ones; `errorCount` counts them all and errors.xlsx lists them all. */
export const SHOWN_IMPORT_ERRORS = 1000;

export const ImportJob = Type.Object({
  id: Type.String(),
  sheet: Type.String(),
  mode: ImportMode,
  state: literals(['running', 'done', 'failed']),
  rowsRead: Type.Integer(),
  bytesRead: Type.Integer(),
  totalBytes: Type.Integer(),
  result: Type.Optional(
    Type.Object({
      mode: ImportMode,
      totalRows: Type.Integer(),
      validRows: Type.Integer(),
      invalidRows: Type.Integer(),
      errorCount: Type.Integer(),
      importedRows: Type.Integer(),
      errors: Type.Array(ImportIssue, {
        description: `the first ${SHOWN_IMPORT_ERRORS} row errors (errorCount: all; errors.xlsx lists every one)`,
      }),
      warnings: Type.Array(ImportIssue),
      fileErrors: Type.Array(ImportIssue),
    }),
  ),
  error: Type.Optional(Type.String({ description: 'the error code of a failed job' })),
});
export type ImportJob = Static<typeof ImportJob>;

export const JobParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const ExportQuery = Type.Object({ scope: Type.String({ pattern: '^[0-9]{6,15}$' }) }, Closed);
