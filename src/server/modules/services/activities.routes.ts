/** Service-activity routes: the resident calendar, sign-up, check-in/out, my hours; the organiser's console. */
import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import {
  MAX_SHEET_UPLOAD,
  SheetImportOutcome,
  SheetImportQuery,
  sendXlsx,
  uploadedSheet,
} from '../../platform/http/sheet-upload';
import { type App, XlsxFile, errorResponses } from '../../platform/http/types';
import { activityImportTemplate, importActivities } from './activities-import.service';
import * as S from './activities.schema';
import { calendar, cancelActivity, consoleActivities, createActivity, getActivity } from './activities.service';
import {
  cancelSignup,
  checkAtPlace,
  confirmHours,
  myActivities,
  myHours,
  recordByOrganiser,
  signUp,
  signupsOfActivity,
} from './attendance.service';

const tags = ['services'];
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export default async function activityRoutes(app: App, deps: Deps) {
  app.get(
    '/api/services/activities',
    {
      schema: {
        tags,
        summary: 'The activities calendar: the county’s service activities in a period, by start time',
        querystring: S.ActivityQuery,
        response: { 200: S.ActivityPage, ...errorResponses(400, 401) },
      },
    },
    async (req) => calendar(deps, requireUser(req), req.query),
  );
  app.get(
    '/api/services/activities/:id',
    {
      schema: {
        tags,
        summary: 'One activity, with my sign-up (and, for its organisers, the check-in code)',
        params: IdParams,
        response: { 200: S.Activity, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => getActivity(deps, requireUser(req), req.params.id),
  );
  app.post(
    '/api/services/activities',
    {
      schema: {
        tags,
        summary: 'Publish an activity at a place the actor organises',
        body: S.ActivityInput,
        response: { 201: S.Activity, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await createActivity(deps, requireUser(req), req.body)),
  );
  app.post(
    '/api/services/activities/imports',
    {
      bodyLimit: MAX_SHEET_UPLOAD,
      schema: {
        tags,
        summary:
          'Import service activities (the template’s xlsx or csv): a dry run, or every row or none; a known 活动编号 updates its activity',
        querystring: SheetImportQuery,
        response: { 200: SheetImportOutcome, ...errorResponses(400, 401, 403, 413, 415) },
      },
    },
    async (req) => {
      const actor = requireUser(req);
      const file = await uploadedSheet(req);
      return importActivities(deps, actor, file, req.query.format ?? 'xlsx', req.query.mode);
    },
  );
  app.get(
    '/api/services/activities/template.xlsx',
    {
      schema: {
        tags,
        summary:
          'The activities import template (Chinese headers; the instructions sheet names each column in English)',
        response: { 200: XlsxFile, ...errorResponses(401) },
      },
    },
    async (req, reply) => {
      requireUser(req);
      return sendXlsx(reply, 'activities-template', activityImportTemplate);
    },
  );
  app.post(
    '/api/services/activities/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an activity (its organisers)',
        params: IdParams,
        response: { 200: S.Activity, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => cancelActivity(deps, requireUser(req), req.params.id),
  );
  app.post(
    '/api/services/activities/:id/signup',
    {
      schema: {
        tags,
        summary: 'Sign up: enrolled while places are left, otherwise on the waiting list',
        params: IdParams,
        response: { 201: S.MySignup, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await signUp(deps, requireUser(req), req.params.id)),
  );
  app.post(
    '/api/services/activities/:id/signup/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel my sign-up before the start (the first on the waiting list takes the place)',
        params: IdParams,
        response: { 200: S.MySignup, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (req) => cancelSignup(deps, requireUser(req), req.params.id),
  );
  for (const step of ['checkin', 'checkout'] as const) {
    app.post(
      `/api/services/activities/:id/${step}`,
      {
        schema: {
          tags,
          summary: `${step === 'checkin' ? 'Check in' : 'Check out'} at the place: the code or QR shown there, my location`,
          params: IdParams,
          body: S.CheckBody,
          response: { 200: S.MySignup, ...errorResponses(400, 401, 404, 409, 422) },
        },
      },
      async (req) => checkAtPlace(deps, requireUser(req), req.params.id, step, req.body),
    );
  }
  app.get(
    '/api/services/me/activities',
    {
      schema: {
        tags,
        summary: 'My sign-ups, the latest activity first',
        querystring: S.PageQuery,
        response: { 200: S.MyActivityPage, ...errorResponses(400, 401) },
      },
    },
    async (req) => myActivities(deps, requireUser(req), req.query),
  );
  app.get(
    '/api/services/me/hours',
    {
      schema: {
        tags,
        summary: 'My confirmed service hours',
        response: { 200: S.MyHours, ...errorResponses(401) },
      },
    },
    async (req) => myHours(deps, requireUser(req)),
  );
  app.get(
    '/api/services/console/activities',
    {
      schema: {
        tags,
        summary:
          'Activities at the places the actor organises (or a place within them, starting in a period), by start time',
        querystring: S.ConsoleActivityQuery,
        response: { 200: S.ActivityPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => consoleActivities(deps, requireUser(req), req.query),
  );
  app.get(
    '/api/services/console/activities/:id/signups',
    {
      schema: {
        tags,
        summary: 'Everyone signed up: enrolled, then the waiting list in order, then cancelled',
        params: IdParams,
        response: { 200: S.SignupList, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => signupsOfActivity(deps, requireUser(req), req.params.id),
  );
  app.post(
    '/api/services/console/signups/:id/attendance',
    {
      schema: {
        tags,
        summary: 'The organiser records a check-in or check-out',
        params: IdParams,
        body: S.AttendanceBody,
        response: { 200: S.Signup, ...errorResponses(400, 401, 404, 409, 422) },
      },
    },
    async (req) => recordByOrganiser(deps, requireUser(req), req.params.id, req.body.step),
  );
  app.post(
    '/api/services/console/signups/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm the hours served, once; a resident earns points (pending review)',
        params: IdParams,
        body: S.ConfirmBody,
        response: { 200: S.Confirmation, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => confirmHours(deps, requireUser(req), req.params.id, req.body),
  );
}
