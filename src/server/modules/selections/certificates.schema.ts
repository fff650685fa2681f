/** The contract of selection certificates (荣誉证书): issue, list, download, verify, honours of a holder. */
import Type, { type Static } from 'typebox';
import { Closed, literals } from '../../platform/http/schema-helpers';
import { DateTime, PDF_TYPE, pdfFile } from '../../platform/http/types';
import { SELECTION_KINDS, SUBJECTS } from './selections.labels';

const Kind = literals(SELECTION_KINDS);
const Subject = literals(SUBJECTS);
const Number_ = Type.String({ minLength: 1, maxLength: 40, description: 'the certificate number, e.g. SEL-2026-0001' });

export { PDF_TYPE };

export const NumberParams = Type.Object({ number: Number_ });

export const Certificate = Type.Object(
  {
    number: Type.String(),
    selectionId: Type.String(),
    selectionTitle: Type.String(),
    kind: Kind,
    subject: Subject,
    divisionName: Type.String({ description: 'the place running the selection (the issuing body)' }),
    nomineeId: Type.String(),
    name: Type.String({ description: 'the person, organisation or place honoured' }),
    placeName: Type.String(),
    rank: Type.Integer({ minimum: 1 }),
    issuedAt: DateTime,
  },
  Closed,
);

export const CertificateList = Type.Object({ items: Type.Array(Certificate) }, Closed);

export const IssueResult = Type.Object(
  {
    issued: Type.Integer({
      minimum: 0,
      description: 'certificates issued by this request (0 when all were issued before)',
    }),
    items: Type.Array(Certificate),
  },
  Closed,
);

export const Verification = Type.Object(
  {
    number: Type.String(),
    valid: Type.Literal(true),
    name: Type.String({ description: 'a person’s name masked (王**); an organisation’s or place’s in full' }),
    subject: Subject,
    selectionTitle: Type.String(),
    kind: Kind,
    rank: Type.Integer(),
    issuingBody: Type.String(),
    issuedAt: DateTime,
  },
  Closed,
);

export const HonoursQuery = Type.Object(
  {
    residentId: Type.Optional(Type.String({ format: 'uuid' })),
    partyOrgCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  },
  Closed,
);

/** The success response of the download: the PDF's bytes. */
export const PdfFile = pdfFile('the certificate (PDF, A4 landscape)');

export type CertificateView = Static<typeof Certificate>;
export type VerificationView = Static<typeof Verification>;
export type IssueResultView = Static<typeof IssueResult>;
