/** The certificates API (荣誉证书): thin routes over certificates.service.ts; the contract is certificates.schema.ts. */
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses, limitPerMinute } from '../../platform/http/types';
import * as C from './certificates.schema';
import {
  certificatePdf,
  honoursOf,
  issueCertificates,
  listCertificates,
  myCertificates,
  verifyCertificate,
} from './certificates.service';
import { IdParams } from './selections.schema';

const tags = ['selections'];

export default async function certificatesRoutes(app: App, deps: Deps) {
  app.post(
    '/api/selections/:id/certificates',
    {
      schema: {
        tags,
        summary:
          'Issue certificates to the winners of the final ranking (after 公示 closed and the results are out); issuing again adds only missing ones',
        params: IdParams,
        response: { 200: C.IssueResult, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req) => issueCertificates(deps, requireUser(req), req.params.id),
  );
  app.get(
    '/api/selections/:id/certificates',
    {
      schema: {
        tags,
        summary: 'The certificates issued for a selection, in rank order',
        params: IdParams,
        response: { 200: C.CertificateList, ...errorResponses(401, 404) },
      },
    },
    async (req) => listCertificates(deps, requireUser(req), req.params.id),
  );
  app.get(
    '/api/selection-certificates/mine',
    {
      schema: {
        tags,
        summary: 'My honours (我的荣誉): the certificates of my register record',
        response: { 200: C.CertificateList, ...errorResponses(401) },
      },
    },
    async (req) => myCertificates(deps, requireUser(req)),
  );
  app.get(
    '/api/selection-certificates',
    {
      schema: {
        tags,
        summary: 'The honours of a person (residentId) or a party organisation (partyOrgCode), for staff',
        querystring: C.HonoursQuery,
        response: { 200: C.CertificateList, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const { residentId, partyOrgCode } = req.query;
      if (!residentId === !partyOrgCode)
        throw new AppError('validation_failed', { summary: 'give exactly one of residentId and partyOrgCode' });
      return honoursOf(deps, requireUser(req), residentId ? { residentId } : { partyOrgCode: partyOrgCode! });
    },
  );
  app.get(
    '/api/selection-certificates/:number/pdf',
    {
      schema: {
        tags,
        summary: 'A certificate as a PDF (staff reading its selection, or the person it honours)',
        params: C.NumberParams,
        response: { 200: C.PdfFile, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const { number, pdf } = await certificatePdf(
        deps,
        requireUser(req),
        req.params.number,
        `${req.protocol}://${req.host}`,
      );
      return reply
        .header('content-type', C.PDF_TYPE)
        .header('content-disposition', `attachment; filename="${number}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf as unknown as string);
    },
  );
  app.get(
    '/api/public/selection-certificates/:number',
    {
      config: limitPerMinute(deps.config.rateLimit.publicWritePerMinute), // numbers are sequential: no cheap enumeration
      schema: {
        tags: ['public'],
        summary:
          'Check a printed certificate by its number: the holder (a person’s name masked), the selection, the date',
        params: C.NumberParams,
        response: { 200: C.Verification, ...errorResponses(400, 404, 429) },
      },
    },
    async (req) => verifyCertificate(deps, req.params.number),
  );
}
