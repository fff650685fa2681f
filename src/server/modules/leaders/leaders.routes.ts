import { Readable } from 'node:stream';
import type { Deps } from '../../platform/deps';
import { IdParams } from '../../platform/http/schema-helpers';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses, fileBody, XLSX_TYPE, XlsxFile } from '../../platform/http/types';
import * as contests from './contests.service';
import { writeLeadersXlsx } from './leaders.export';
import * as S from './leaders.schema';
import * as people from './people.service';
import * as records from './records.service';

const tags = ['leaders'];
const WRITE = errorResponses(400, 401, 404, 409);

export default async function leadersRoutes(app: App, deps: Deps) {
  app.get(
    '/api/leaders/people',
    {
      schema: {
        tags,
        summary: '头雁 records of the places (organisation-department officers only; audited)',
        querystring: S.PersonQuery,
        response: { 200: S.PersonPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => people.listPeople(deps, requireUser(req), req.query),
  );
  for (const [path, team, name] of [
    ['/api/leaders/people/export.xlsx', undefined, 'leaders-teams'],
    ['/api/leaders/reserves/export.xlsx', 'reserve', 'reserve-cadres'],
  ] as const)
    app.get(
      path,
      {
        schema: {
          tags,
          summary: team
            ? 'The reserve cadres with their plans as an xlsx 台账 (audited)'
            : 'The teams as an xlsx 台账 (audited)',
          querystring: S.ExportQuery,
          response: { 200: XlsxFile, ...errorResponses(400, 401, 404) },
        },
      },
      async (req, reply) => {
        const rows = await people.exportPeople(deps, requireUser(req), req.query.scope, team ?? req.query.team);
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${name}.xlsx"`)
          .send(fileBody(Readable.from([await writeLeadersXlsx(rows, team === 'reserve')])));
      },
    );
  app.post(
    '/api/leaders/people',
    {
      schema: {
        tags,
        summary: 'Record a person (linked to the population register, or by name)',
        body: S.PersonBody,
        response: { 201: S.Created, ...WRITE },
      },
    },
    async (req, reply) => reply.code(201).send(await people.createPerson(deps, requireUser(req), req.body)),
  );
  app.get(
    '/api/leaders/people/:id',
    {
      schema: {
        tags,
        summary: "A person's record: posts (overlaps flagged), training, tiered management, plan, 双提升 (audited)",
        params: IdParams,
        response: { 200: S.PersonRecord, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => people.getPerson(deps, requireUser(req), req.params.id),
  );
  app.patch(
    '/api/leaders/people/:id',
    {
      schema: {
        tags,
        summary: 'Change education, teams or mentor',
        params: IdParams,
        body: S.PersonPatch,
        response: { 200: S.Created, ...WRITE },
      },
    },
    async (req) => people.updatePerson(deps, requireUser(req), req.params.id, req.body),
  );
  const sub = [
    ['posts', 'A 两委 post with its term', S.PostBody, records.addPost],
    ['trainings', 'A training (course, hours, date)', S.TrainingBody, records.addTraining],
    ['tiers', 'Tiered management of a secretary (正向/负向提级管理)', S.TierBody, records.addTier],
    ['goals', "A goal of a reserve cadre's development plan", S.GoalBody, records.addGoal],
  ] as const;
  for (const [part, summary, body, run] of sub)
    app.post(
      `/api/leaders/people/:id/${part}`,
      { schema: { tags, summary, params: IdParams, body, response: { 201: S.Created, ...WRITE } } },
      async (req, reply) =>
        reply
          .code(201)
          .send(await (run as typeof records.addPost)(deps, requireUser(req), req.params.id, req.body as never)),
    );
  app.put(
    '/api/leaders/people/:id/upgrades',
    {
      schema: {
        tags,
        summary: '双提升: the target and progress of one kind',
        params: IdParams,
        body: S.UpgradeBody,
        response: { 200: S.Created, ...WRITE },
      },
    },
    async (req) => records.setUpgrade(deps, requireUser(req), req.params.id, req.body),
  );
  app.patch(
    '/api/leaders/goals/:id',
    {
      schema: {
        tags,
        summary: "A goal's progress",
        params: IdParams,
        body: S.ProgressBody,
        response: { 200: S.Created, ...WRITE },
      },
    },
    async (req) => records.setGoalProgress(deps, requireUser(req), req.params.id, req.body.progress),
  );
  app.post(
    '/api/leaders/tiers/:id/review',
    {
      schema: {
        tags,
        summary: 'Record the review of a tiered management (once)',
        params: IdParams,
        body: S.ReviewBody,
        response: { 200: S.Created, ...WRITE },
      },
    },
    async (req) => records.reviewTier(deps, requireUser(req), req.params.id, req.body),
  );
  app.get(
    '/api/leaders/tiers/due',
    {
      schema: {
        tags,
        summary: 'Tiered managements due for review (within 30 days or past), soonest first (audited)',
        querystring: S.DueQuery,
        response: { 200: S.TierPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => records.dueReviews(deps, requireUser(req), req.query),
  );
  app.get(
    '/api/leaders/teams',
    {
      schema: {
        tags,
        summary: '六支队伍 counts per village (of a town) or per town (of a county)',
        querystring: S.ScopeQuery,
        response: { 200: S.TeamCountsResult, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => people.teamCounts(deps, requireUser(req), req.query.scope),
  );
  app.get(
    '/api/leaders/upgrades',
    {
      schema: {
        tags,
        summary: '双提升 progress per town (of a county) or village (of a town)',
        querystring: S.ScopeQuery,
        response: { 200: S.UpgradeProgressResult, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => people.upgradeProgress(deps, requireUser(req), req.query.scope),
  );
  app.get(
    '/api/leaders/contests',
    {
      schema: {
        tags,
        summary: '擂台赛 contests of the places',
        querystring: S.ListQuery,
        response: { 200: S.ContestPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => contests.listContests(deps, requireUser(req), req.query),
  );
  app.post(
    '/api/leaders/contests',
    {
      schema: {
        tags,
        summary: 'Create a contest with criteria and entrants',
        body: S.ContestBody,
        response: { 201: S.Created, ...WRITE },
      },
    },
    async (req, reply) => reply.code(201).send(await contests.createContest(deps, requireUser(req), req.body)),
  );
  app.get(
    '/api/leaders/contests/:id',
    {
      schema: {
        tags,
        summary: 'A contest: criteria, entrants, the ranking (exact)',
        params: IdParams,
        response: { 200: S.ContestDetail, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => contests.getContest(deps, requireUser(req), req.params.id),
  );
  app.post(
    '/api/leaders/contests/:id/scores',
    {
      schema: {
        tags,
        summary: "A judge's scores for one entrant: every criterion once, within its range; once per judge",
        params: IdParams,
        body: S.ScoreBody,
        response: { 201: S.Created, ...WRITE },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await contests.scoreEntrant(deps, requireUser(req), req.params.id, req.body)),
  );
  app.get(
    '/api/leaders/talks',
    {
      schema: {
        tags,
        summary: "The 宣讲团's talks",
        querystring: S.ListQuery,
        response: { 200: S.TalkPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => contests.listTalks(deps, requireUser(req), req.query),
  );
  app.post(
    '/api/leaders/talks',
    { schema: { tags, summary: 'Record a talk', body: S.TalkBody, response: { 201: S.Created, ...WRITE } } },
    async (req, reply) => reply.code(201).send(await contests.addTalk(deps, requireUser(req), req.body)),
  );
}
