import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import { uploadedBuffer } from '../../platform/http/uploads';
import { addPhoto, approvePhotoForPublic, MAX_PHOTO_BYTES, readPhoto } from './photos.service';
import { publicCase, publicCases } from './public.service';
import { stagePhoto } from './staged-photos.service';
import {
  ApproveBody,
  IdParams,
  IMAGE_TYPES,
  ImageResponse,
  PhotoUploadQuery,
  PhotoView,
  StagedPhotoView,
  PublicCaseDetail,
  PublicCaseParams,
  PublicCasePage,
  PublicCasesQuery,
} from './photos.schema';

export default async function photoRoutes(app: App, deps: Deps) {
  app.addContentTypeParser(IMAGE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, (_req, body, done) =>
    done(null, body),
  );

  app.post(
    '/api/cases/:id/photos',
    {
      bodyLimit: MAX_PHOTO_BYTES,
      schema: {
        tags: ['cases'],
        summary:
          'Add a photo (body: the image; JPEG, PNG or WebP, ≤ 10 MB, ≤ 9 per step). Re-encoded; the public copy has no EXIF.',
        params: IdParams,
        querystring: PhotoUploadQuery,
        response: { 201: PhotoView, ...errorResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await addPhoto(deps, requireUser(req), req.params.id, req.query.stage, uploadedBuffer(req, IMAGE_TYPES))),
  );

  app.post(
    '/api/photos',
    {
      bodyLimit: MAX_PHOTO_BYTES,
      schema: {
        tags: ['cases'],
        summary:
          'Upload a photo before its report (body: the image; JPEG, PNG or WebP, ≤ 10 MB); name it in POST /api/cases photoIds within a day',
        response: { 201: StagedPhotoView, ...errorResponses(400, 401, 409, 413, 415) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await stagePhoto(deps, requireUser(req), uploadedBuffer(req, IMAGE_TYPES))),
  );

  app.get(
    '/api/photos/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'A case photo for staff and the reporter',
        params: IdParams,
        response: { 200: ImageResponse, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => {
      const p = await readPhoto(deps, requireUser(req), req.params.id, false);
      return reply.header('content-type', p.mime).header('cache-control', 'private, max-age=3600').send(p.data);
    },
  );

  app.get(
    '/api/public/photos/:id',
    {
      schema: {
        tags: ['public'],
        summary: 'A photo approved for the public (no EXIF)',
        params: IdParams,
        response: { 200: ImageResponse, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => {
      const p = await readPhoto(deps, req.actor, req.params.id, true);
      return reply.header('content-type', p.mime).header('cache-control', 'public, max-age=3600').send(p.data);
    },
  );

  app.post(
    '/api/photos/:id/public',
    {
      schema: {
        tags: ['cases'],
        summary: 'Approve (or withdraw) a photo for the public view (triage staff)',
        params: IdParams,
        body: ApproveBody,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await approvePhotoForPublic(deps, requireUser(req), req.params.id, req.body.approved);
      return reply.status(204).send(null);
    },
  );
}

export async function publicRoutes(app: App, deps: Deps) {
  app.get(
    '/api/public/cases',
    {
      schema: {
        tags: ['public'],
        summary:
          'Public reports (map and list): no names or phones, public categories only; newest first, a page at a time',
        querystring: PublicCasesQuery,
        response: { 200: PublicCasePage, ...errorResponses(400) },
      },
    },
    async (req) =>
      publicCases(deps, {
        bbox: req.query.bbox?.split(',').map(Number) as [number, number, number, number] | undefined,
        state: req.query.state,
        cursor: req.query.cursor,
        limit: req.query.limit,
      }),
  );

  app.get(
    '/api/public/cases/:number',
    {
      schema: {
        tags: ['public'],
        summary: 'One public report with its timeline',
        params: PublicCaseParams,
        response: { 200: PublicCaseDetail, ...errorResponses(400, 404) },
      },
    },
    async (req) => publicCase(deps, req.params.number),
  );
}
