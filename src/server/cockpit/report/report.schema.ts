/** The contract of the monthly reports' routes (#17 item 4). */
import Type, { type Static } from 'typebox';
import { Closed, IdParams } from '../../platform/http/schema-helpers';

export const PDF_TYPE = 'application/pdf';
export const PdfFile = {
  description: 'the monthly report (PDF, A4 portrait)',
  content: { [PDF_TYPE]: { schema: Type.String({ format: 'binary' }) } },
};

const Month = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$', description: 'a month, YYYY-MM (China Standard Time)' });

export const ReportQuery = Type.Object(
  {
    place: Type.Optional(Type.String({ pattern: '^[0-9]{2,15}$', description: 'a division code (default: yours)' })),
    month: Month,
  },
  Closed,
);
export type ReportQuery = Static<typeof ReportQuery>;

export const ReportsQuery = Type.Object(
  { place: Type.Optional(Type.String({ pattern: '^[0-9]{2,15}$', description: 'under this place (default: yours)' })) },
  Closed,
);

export const StoredReport = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    placeCode: Type.String(),
    placeName: Type.String(),
    month: Month,
    pages: Type.Integer(),
    bytes: Type.Integer(),
    generatedAt: Type.String({ format: 'date-time' }),
    path: Type.String({ description: 'where to download it' }),
  },
  Closed,
);
export const StoredReports = Type.Object({ items: Type.Array(StoredReport) }, Closed);
export type StoredReports = Static<typeof StoredReports>;

export { IdParams };
