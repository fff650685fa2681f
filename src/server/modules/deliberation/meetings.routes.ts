/** The meetings API: console (notice, roster, sign-in by staff, motions, tallies) and the resident's sign-in by code. */
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { PassThrough } from 'node:stream';
import { type App, errorResponses, fileBody, PDF_TYPE, pdfFile, XLSX_TYPE, XlsxFile } from '../../platform/http/types';
import { addMembers } from './bodies.service';
import { meetingXlsx, minutesPdf } from './meeting-exports.service';
import * as S from './deliberation.schema';
import * as meetings from './meetings.service';
import * as motions from './motions.service';
import * as signins from './signins.service';

const tags = ['deliberation'];

export default async function meetingsRoutes(app: App, deps: Deps) {
  app.get(
    '/api/deliberation/rules',
    {
      schema: {
        tags,
        summary: "The meeting types' defaults: notice period, proxies (the quorums are the law's, in code)",
        response: { 200: S.TypeRulesList, ...errorResponses(401, 403) },
      },
    },
    async (req) => meetings.listTypeRules(deps, requireUser(req)),
  );
  app.put(
    '/api/deliberation/rules/:type',
    {
      schema: {
        tags,
        summary: "Change a meeting type's defaults (county officers; audited)",
        params: S.TypeParams,
        body: S.TypeRulesBody,
        response: { 200: S.TypeRules, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => meetings.updateTypeRules(deps, requireUser(req), req.params.type, req.body),
  );

  app.post(
    '/api/deliberation/bodies',
    {
      schema: {
        tags,
        summary: 'Register representatives or members of the two committees (the rosters of those meetings)',
        body: S.BodyMembers,
        response: { 200: S.BodyMembersAdded, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req) => addMembers(deps, requireUser(req), req.body),
  );

  app.get(
    '/api/meetings',
    {
      schema: {
        tags,
        summary: 'Meetings in my places, latest first',
        querystring: S.ListQuery,
        response: { 200: S.MeetingPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => meetings.listMeetings(deps, requireUser(req), req.query),
  );
  app.post(
    '/api/meetings',
    {
      schema: {
        tags,
        summary: 'Notice a meeting: its roster is taken from the registers; the notice period is checked',
        body: S.NewMeeting,
        response: { 201: S.Meeting, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await meetings.createMeeting(deps, requireUser(req), req.body)),
  );
  app.post(
    '/api/councils/:id/meetings',
    {
      schema: {
        tags,
        summary:
          "A council (两会) convenes a meeting: its members in the current term are the roster, its kind's rule decides (audited)",
        params: S.IdParams,
        body: S.NewCouncilMeeting,
        response: { 201: S.Meeting, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await meetings.conveneCouncilMeeting(deps, requireUser(req), req.params.id, req.body)),
  );
  app.get(
    '/api/meetings/:id',
    {
      schema: {
        tags,
        summary: 'A meeting: quorum {rule, required, present, met}, each motion with tally and result (zh, en)',
        params: S.IdParams,
        response: { 200: S.Meeting, ...errorResponses(401, 404) },
      },
    },
    async (req) => meetings.getMeeting(deps, requireUser(req), req.params.id),
  );
  for (const kind of ['attendance', 'tallies'] as const)
    app.get(
      `/api/meetings/:id/${kind}.xlsx`,
      {
        schema: {
          tags,
          summary:
            kind === 'attendance'
              ? "The attendance (签到表) as xlsx: each person on the roster, how and when signed in, proxy (names masked above the place's managers; audited)"
              : 'The tallies per motion as xlsx: turnout when put, yes/no/abstain, result and its rule (audited)',
          params: S.IdParams,
          response: { 200: XlsxFile, ...errorResponses(401, 404) },
        },
      },
      async (req, reply) => {
        const x = await meetingXlsx(deps, requireUser(req), req.params.id, kind);
        const stream = new PassThrough();
        void x.write(stream).catch((err) => stream.destroy(err));
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${x.filename}"`)
          .header('cache-control', 'private, no-store')
          .send(fileBody(stream));
      },
    );
  app.get(
    '/api/meetings/:id/minutes.pdf',
    {
      schema: {
        tags,
        summary:
          'The minutes as PDF: attendance summary, quorum {rule, required, present, met}, each motion’s tally and result with its rule (audited)',
        params: S.IdParams,
        response: { 200: pdfFile('the minutes (PDF, A4)'), ...errorResponses(401, 404) },
      },
    },
    async (req, reply) => {
      const { filename, pdf } = await minutesPdf(deps, requireUser(req), req.params.id);
      return reply
        .header('content-type', PDF_TYPE)
        .header('content-disposition', `attachment; filename="${filename}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf as unknown as string);
    },
  );
  app.get(
    '/api/meetings/:id/quorum',
    {
      schema: {
        tags,
        summary: 'The live quorum panel (poll it): turnout and the quorum rule now',
        params: S.IdParams,
        response: { 200: S.Quorum, ...errorResponses(401, 404) },
      },
    },
    async (req) => meetings.liveQuorum(deps, requireUser(req), req.params.id),
  );
  app.get(
    '/api/meetings/:id/roster',
    {
      schema: {
        tags,
        summary: 'The roster (应到名单) with who is present, by name',
        params: S.IdParams,
        querystring: S.ListQuery,
        response: { 200: S.RosterPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => meetings.rosterOf(deps, requireUser(req), req.params.id, req.query),
  );
  for (const step of ['open', 'cancel'] as const)
    app.post(
      `/api/meetings/:id/${step}`,
      {
        schema: {
          tags,
          summary: step === 'open' ? 'Open the meeting: sign-in starts' : 'Cancel a noticed meeting',
          params: S.IdParams,
          response: { 200: S.Meeting, ...errorResponses(401, 403, 404, 409) },
        },
      },
      async (req) => meetings.changeMeeting(deps, requireUser(req), req.params.id, step),
    );
  app.post(
    '/api/meetings/:id/close',
    {
      schema: {
        tags,
        summary: 'Close the meeting with its minutes',
        params: S.IdParams,
        body: S.CloseBody,
        response: { 200: S.Meeting, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => meetings.changeMeeting(deps, requireUser(req), req.params.id, 'close', req.body.minutes),
  );
  app.post(
    '/api/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Sign a roster member in (staff), or by proxy where the type allows; a repeat is not counted twice',
        params: S.IdParams,
        body: S.StaffSignIn,
        response: { 200: S.SignInResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => signins.staffSignIn(deps, requireUser(req), req.params.id, req.body),
  );
  app.post(
    '/api/meetings/:id/motions',
    {
      schema: {
        tags,
        summary: 'Put a motion to an open meeting',
        params: S.IdParams,
        body: S.NewMotion,
        response: { 201: S.Motion, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await motions.putMotion(deps, requireUser(req), req.params.id, req.body)),
  );
  app.post(
    '/api/motions/:id/tally',
    {
      schema: {
        tags,
        summary: 'Enter a tally: refused without quorum or above attendance; a show of hands is decided at once',
        params: S.IdParams,
        body: S.Tally,
        response: { 200: S.Motion, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => motions.enterTally(deps, requireUser(req), req.params.id, req.body),
  );
  app.post(
    '/api/motions/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm a paper ballot tally: a second person counts again; the figures must agree',
        params: S.IdParams,
        body: S.Tally,
        response: { 200: S.Motion, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => motions.confirmTally(deps, requireUser(req), req.params.id, req.body),
  );

  app.post(
    '/api/deliberation/sign-in',
    {
      schema: {
        tags,
        summary: "A resident signs in with the meeting's code (from its QR), for themselves or a proxy they hold",
        body: S.CodeSignIn,
        response: { 200: S.SignInResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => signins.codeSignIn(deps, requireUser(req), req.body),
  );
  app.get(
    '/api/deliberation/my-meetings',
    {
      schema: {
        tags,
        summary: 'Meetings whose roster holds me, latest first',
        querystring: S.ListQuery,
        response: { 200: S.MyMeetingPage, ...errorResponses(400, 401) },
      },
    },
    async (req) => meetings.myMeetings(deps, requireUser(req), req.query),
  );
}
