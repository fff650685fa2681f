import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { IdParams } from '../../platform/http/schema-helpers';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import { uploadedBuffer } from '../../platform/http/uploads';
import { MAX_PHOTO_BYTES } from '../cases';
import { addProjectPhoto, PHOTO_MIME, readProjectPhoto } from './projects.photos';
import * as S from './projects.schema';
import * as svc from './projects.service';
import { chooseSupervisors, rate } from './supervision.service';

const tags = ['projects'];
const IMAGE_TYPES = Object.values(PHOTO_MIME);
const ImageResponse = {
  description: 'the image (JPEG, PNG or WebP, without metadata)',
  content: Object.fromEntries(
    IMAGE_TYPES.map((t) => [t, { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) }]),
  ),
};

export default async function projectRoutes(app: App, deps: Deps) {
  if (!app.hasContentTypeParser('image/jpeg'))
    app.addContentTypeParser(IMAGE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, (_req, body, done) =>
      done(null, body),
    );
  app.get(
    '/api/projects',
    {
      schema: {
        tags,
        summary: "The project board: livelihood projects under the officer's places, newest first",
        querystring: S.BoardQuery,
        response: { 200: S.ProjectPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => svc.board(deps, requireUser(req), req.query),
  );
  app.post(
    '/api/projects',
    {
      schema: {
        tags,
        summary: 'Create a project: budget = Σ funding sources (fen), milestones on or after the start, supervisors',
        body: S.NewProjectBody,
        response: { 201: S.Created, ...errorResponses(400, 401, 404) },
      },
    },
    async (req, reply) => reply.code(201).send(await svc.createProject(deps, requireUser(req), req.body)),
  );
  app.get(
    '/api/public/projects',
    {
      schema: {
        tags: ['public'],
        summary: '身边的民生实事: projects of a place (or your home village) and of its town and county',
        querystring: S.NearQuery,
        response: { 200: S.ProjectPage, ...errorResponses(400) },
      },
    },
    async (req) => svc.near(deps, req.actor, req.query),
  );
  app.get(
    '/api/public/projects/:id',
    {
      schema: {
        tags: ['public'],
        summary: "A project's progress page: funds, milestones, photos, the representatives' ratings",
        params: IdParams,
        response: { 200: S.ProjectDetail, ...errorResponses(400, 404) },
      },
    },
    async (req) => svc.detail(deps, req.actor, req.params.id),
  );
  app.get(
    '/api/public/projects/:id/photos/:photoId',
    {
      schema: {
        tags: ['public'],
        summary: 'A project photo (no EXIF)',
        params: S.PhotoParams,
        response: { 200: ImageResponse, ...errorResponses(400, 404) },
      },
    },
    async (req, reply) => {
      const p = await readProjectPhoto(deps, req.params.id, req.params.photoId);
      return reply.header('content-type', p.mime).header('cache-control', 'public, max-age=3600').send(p.data);
    },
  );
  app.post(
    '/api/projects/:id/photos',
    {
      bodyLimit: MAX_PHOTO_BYTES,
      schema: {
        tags,
        summary: 'Add a photo (body: the image; JPEG, PNG or WebP, ≤ 10 MB); kept without metadata',
        params: IdParams,
        response: {
          201: Type.Object({ id: Type.String(), url: Type.String() }, { additionalProperties: false }),
          ...errorResponses(400, 401, 404, 409, 413, 415),
        },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await addProjectPhoto(deps, requireUser(req), req.params.id, uploadedBuffer(req, IMAGE_TYPES))),
  );
  app.put(
    '/api/projects/:id/milestones/:milestoneId/progress',
    {
      schema: {
        tags,
        summary: "Set a milestone's progress (0–100 %); the project rolls up",
        params: S.MilestoneParams,
        body: S.ProgressBody,
        response: { 200: S.Created, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => svc.setProgress(deps, requireUser(req), req.params.id, req.params.milestoneId, req.body.progress),
  );
  app.get(
    '/api/projects/representatives',
    {
      schema: {
        tags,
        summary: "The 村民代表 of the villages under a place (the supervisors' picker)",
        querystring: Type.Object({ place: Type.String({ pattern: '^[0-9]{6,12}$' }) }, { additionalProperties: false }),
        response: { 200: S.Representatives, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => svc.representatives(deps, requireUser(req), req.query.place),
  );
  app.put(
    '/api/projects/:id/supervisors',
    {
      schema: {
        tags,
        summary: "Choose the project's supervising representatives (村民代表 of its village)",
        params: IdParams,
        body: S.SupervisorsBody,
        response: { 200: S.Created, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => chooseSupervisors(deps, requireUser(req), req.params.id, req.body.residentIds),
  );
  app.put(
    '/api/projects/:id/rating',
    {
      schema: {
        tags,
        summary: "A chosen representative rates the project's progress and quality (1–5, comment)",
        params: IdParams,
        body: S.RatingBody,
        response: { 200: S.Created, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => rate(deps, requireUser(req), req.params.id, req.body),
  );
}
