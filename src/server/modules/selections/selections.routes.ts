/** The selections API (评选): thin routes over the services; the contract is selections.schema.ts. */
import Type from 'typebox';
import type { Deps } from '../../platform/deps';
import { requireUser } from '../../platform/http/request-context';
import { type App, errorResponses } from '../../platform/http/types';
import { PageQuery } from '../../platform/page';
import { checkNominee, endorse, listNominees, nominate } from './nominations.service';
import { answerObjection, fileObjection, listObjections } from './publicity.service';
import * as S from './selections.schema';
import { declareConflict, panelSheets, scoreNominee } from './scoring.service';
import {
  advanceSelection,
  createSelection,
  getSelectionView,
  listForResident,
  listForStaff,
  panelList,
} from './selections.service';
import {
  castVote,
  confirmPaperVote,
  enterPaperVote,
  listPaperVotes,
  myVote,
  results,
  voteSigns,
} from './votes.service';

const tags = ['selections'];
const ObjectionParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  objectionId: Type.String({ format: 'uuid' }),
});

export default async function selectionsRoutes(app: App, deps: Deps) {
  app.get(
    '/api/selections',
    {
      schema: {
        tags,
        summary: 'Selections whose area covers my registered place, newest first',
        querystring: PageQuery,
        response: { 200: S.SelectionPage, ...errorResponses(400, 401) },
      },
    },
    async (req) => listForResident(deps, requireUser(req), req.query),
  );
  app.get(
    '/api/selections/console',
    {
      schema: {
        tags,
        summary: 'Selections of my places (or of one place under them), newest first',
        querystring: S.SelectionQuery,
        response: { 200: S.SelectionPage, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => listForStaff(deps, requireUser(req), req.query),
  );
  app.get(
    '/api/selections/panel',
    {
      schema: {
        tags,
        summary: 'Selections whose panel I sit on',
        response: { 200: S.SelectionPage, ...errorResponses(401) },
      },
    },
    async (req) => panelList(deps, requireUser(req)),
  );
  app.post(
    '/api/selections',
    {
      schema: {
        tags,
        summary: 'Create a selection: kind, place, quota, eligibility, criteria (weights add up to 100), panel, dates',
        body: S.CreateSelectionBody,
        response: { 201: S.Selection, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => reply.status(201).send(await createSelection(deps, requireUser(req), req.body)),
  );
  app.get(
    '/api/selections/:id',
    {
      schema: {
        tags,
        summary: 'A selection with its criteria, panel, turnout and my actions',
        params: S.IdParams,
        response: { 200: S.Selection, ...errorResponses(401, 404) },
      },
    },
    async (req) => getSelectionView(deps, requireUser(req), req.params.id),
  );
  app.post(
    '/api/selections/:id/advance',
    {
      schema: {
        tags,
        summary:
          'Move to the next phase (ending a phase before its scheduled date needs a reason); leaving the vote publishes the ranking for 公示',
        params: S.IdParams,
        body: S.AdvanceBody,
        response: { 200: S.Selection, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => advanceSelection(deps, requireUser(req), req.params.id, req.body.reason),
  );
  app.get(
    '/api/selections/:id/nominees',
    {
      schema: {
        tags,
        summary: 'Nominees in nomination order (optionally of one status), a page at a time',
        params: S.IdParams,
        querystring: S.NomineeQuery,
        response: { 200: S.NomineePage, ...errorResponses(400, 401, 404) },
      },
    },
    async (req) => listNominees(deps, requireUser(req), req.params.id, req.query),
  );
  app.post(
    '/api/selections/:id/nominees',
    {
      schema: {
        tags,
        summary:
          'Nominate: 自荐 (self), 举荐 by an organisation (staff) or by residents (a neighbour named by name and phone)',
        params: S.IdParams,
        body: S.NominateBody,
        response: { 201: S.Nominee, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => reply.status(201).send(await nominate(deps, requireUser(req), req.params.id, req.body)),
  );
  app.post(
    '/api/selections/:id/nominees/:nomineeId/endorse',
    {
      schema: {
        tags,
        summary: 'Endorse a residents’ proposal (联名)',
        params: S.NomineeParams,
        response: { 200: S.Nominee, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req) => endorse(deps, requireUser(req), req.params.id, req.params.nomineeId),
  );
  app.post(
    '/api/selections/:id/nominees/:nomineeId/check',
    {
      schema: {
        tags,
        summary: 'Eligibility check (资格审查)',
        params: S.NomineeParams,
        body: S.CheckBody,
        response: { 200: S.Nominee, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => checkNominee(deps, requireUser(req), req.params.id, req.params.nomineeId, req.body),
  );
  app.get(
    '/api/selections/:id/sheets',
    {
      schema: {
        tags,
        summary: 'My score sheets (panel members)',
        params: S.IdParams,
        response: { 200: S.PanelView, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => panelSheets(deps, requireUser(req), req.params.id),
  );
  app.post(
    '/api/selections/:id/nominees/:nomineeId/conflict',
    {
      schema: {
        tags,
        summary: 'Declare a conflict of interest (回避)',
        params: S.NomineeParams,
        body: S.ConflictBody,
        response: { 200: S.PanelView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => declareConflict(deps, requireUser(req), req.params.id, req.params.nomineeId, req.body.reason),
  );
  app.put(
    '/api/selections/:id/nominees/:nomineeId/scores',
    {
      schema: {
        tags,
        summary: 'Score a nominee on every criterion (replaces my earlier sheet)',
        params: S.NomineeParams,
        body: S.ScoreBody,
        response: { 200: S.PanelView, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => scoreNominee(deps, requireUser(req), req.params.id, req.params.nomineeId, req.body),
  );
  app.post(
    '/api/selections/:id/vote',
    {
      schema: {
        tags,
        summary: 'Vote (one per verified resident; voting again before close changes the vote)',
        params: S.IdParams,
        body: S.VoteBody,
        response: { 200: S.VoteResult, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => castVote(deps, requireUser(req), req.params.id, req.body),
  );
  app.get(
    '/api/selections/:id/my-vote',
    {
      schema: {
        tags,
        summary: 'Whether I may vote, and my vote',
        params: S.IdParams,
        response: { 200: S.MyVote, ...errorResponses(401, 404) },
      },
    },
    async (req) => myVote(deps, requireUser(req), req.params.id),
  );
  app.get(
    '/api/selections/:id/paper-votes',
    {
      schema: {
        tags,
        summary: 'Paper votes entered',
        params: S.IdParams,
        response: { 200: S.PaperVoteList, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => listPaperVotes(deps, requireUser(req), req.params.id),
  );
  app.post(
    '/api/selections/:id/paper-votes',
    {
      schema: {
        tags,
        summary: 'Enter a paper vote (counts once another person confirms it)',
        params: S.IdParams,
        body: S.PaperVoteBody,
        response: { 201: S.PaperVote, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await enterPaperVote(deps, requireUser(req), req.params.id, req.body)),
  );
  app.post(
    '/api/selections/:id/paper-votes/:residentId/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm a paper vote (a second person)',
        params: S.PaperParams,
        response: { 200: S.PaperVote, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (req) => confirmPaperVote(deps, requireUser(req), req.params.id, req.params.residentId),
  );
  app.get(
    '/api/selections/:id/results',
    {
      schema: {
        tags,
        summary: 'The published ranking and votes by village (after voting closes)',
        params: S.IdParams,
        response: { 200: S.Results, ...errorResponses(401, 404, 409) },
      },
    },
    async (req) => results(deps, requireUser(req), req.params.id),
  );
  app.get(
    '/api/selections/:id/vote-signs',
    {
      schema: {
        tags,
        summary: 'Vote-buying signs: many votes from one address or device in a short time',
        params: S.IdParams,
        response: { 200: S.VoteSigns, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => voteSigns(deps, requireUser(req), req.params.id),
  );
  app.get(
    '/api/selections/:id/objections',
    {
      schema: {
        tags,
        summary: 'Objections (all for the staff running it, else my own)',
        params: S.IdParams,
        response: { 200: S.ObjectionList, ...errorResponses(401, 404) },
      },
    },
    async (req) => listObjections(deps, requireUser(req), req.params.id),
  );
  app.post(
    '/api/selections/:id/objections',
    {
      schema: {
        tags,
        summary: 'Object during 公示',
        params: S.IdParams,
        body: S.ObjectionBody,
        response: { 201: S.Objection, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (req, reply) => reply.status(201).send(await fileObjection(deps, requireUser(req), req.params.id, req.body)),
  );
  app.post(
    '/api/selections/:id/objections/:objectionId/answer',
    {
      schema: {
        tags,
        summary: 'Answer an objection (upheld: the nominee is disqualified and the ranking republished)',
        params: ObjectionParams,
        body: S.AnswerBody,
        response: { 200: S.Objection, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => answerObjection(deps, requireUser(req), req.params.id, req.params.objectionId, req.body),
  );
}
