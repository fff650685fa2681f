/** The 共谋 API: proposals, supports, comments and official answers (residents and staff alike; the service decides). */
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import { IdParams, ListQuery } from './deliberation.schema';
import * as S from './proposals.schema';
import * as proposals from './proposals.service';

const tags = ['deliberation'];

export default async function proposalsRoutes(app: App, deps: Deps) {
  app.get(
    '/api/proposals',
    {
      schema: {
        tags,
        summary: 'Proposals of my places (staff: their scopes; residents: their villages), newest first',
        querystring: ListQuery,
        response: { 200: S.ProposalPage, ...errorResponses(400, 401) },
      },
    },
    async (req) => proposals.listProposals(deps, requireUser(req), req.query),
  );
  app.post(
    '/api/proposals',
    {
      schema: {
        tags,
        summary: 'Make a proposal: a resident for their village, staff for the branch or the committees',
        body: S.NewProposal,
        response: { 201: S.Proposal, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => reply.status(201).send(await proposals.propose(deps, requireUser(req), req.body)),
  );
  app.get(
    '/api/proposals/:id',
    {
      schema: {
        tags,
        summary: 'A proposal with its comments, answer and the meetings its supports oblige (§21, §26)',
        params: IdParams,
        response: { 200: S.Proposal, ...errorResponses(401, 404) },
      },
    },
    async (req) => proposals.getProposal(deps, requireUser(req), req.params.id),
  );
  app.post(
    '/api/proposals/:id/support',
    {
      schema: {
        tags,
        summary: 'Support a proposal: once per registered resident of its village',
        params: IdParams,
        response: { 200: S.SupportResult, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req) => proposals.supportProposal(deps, requireUser(req), req.params.id),
  );
  app.post(
    '/api/proposals/:id/comments',
    {
      schema: {
        tags,
        summary: 'Comment on an open proposal (residents of its village, its staff)',
        params: IdParams,
        body: S.CommentBody,
        response: { 200: S.Proposal, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => proposals.commentOn(deps, requireUser(req), req.params.id, req.body.body),
  );
  app.post(
    '/api/proposals/:id/answer',
    {
      schema: {
        tags,
        summary: 'The official answer: answered, adopted (it becomes a matter) or declined',
        params: IdParams,
        body: S.AnswerBody,
        response: { 200: S.Proposal, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => proposals.answerProposal(deps, requireUser(req), req.params.id, req.body),
  );
}
