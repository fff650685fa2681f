/**
 * Selections (评选): create, list, read, and move through the phases. Moving from voting to
 * 公示 closes the vote and publishes the ranking; 公示 lasts `publicityDays` working days (or
 * calendar days) on the official calendar.
 */
import type { Actor, UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import { addWorkingDays } from '../../platform/calendar/working-time';
import type { Deps } from '../../platform/deps';
import type { Queryable } from '../../platform/db/db';
import { AppError, unwrap } from '../../platform/errors';
import { type Page, type PageRequest, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import { personOfUser, type PersonFacts } from './nominees.repo';
import { publishRanking } from './ranking.service';
import type { Static } from 'typebox';
import { advance, checkNewSelection, voteWindow } from './selections.domain';
import { KIND_SUBJECT, type Phase } from './selections.labels';
import { canReadAt, managesAt, readableScopes } from './selections.policy';
import * as repo from './selections.repo';
import type { CreateSelectionBody, SelectionView } from './selections.schema';
import { turnout } from './votes.repo';

const DAY_MS = 86_400_000;

/** The selection if the actor may read it (staff of its place, its panel, residents of its area), else 404. */
export async function readableSelection(
  q: Queryable,
  actor: Actor,
  id: string,
  lock = false,
): Promise<{ s: repo.SelectionRow; person: PersonFacts | null; panel: boolean }> {
  const s = await repo.getSelection(q, id, lock);
  if (!s || actor.kind !== 'user') throw new AppError('not_found', { what: `selection ${id}` });
  const person = actor.userKind === 'resident' ? await personOfUser(q, actor.userId) : null;
  const panel = await repo.isPanelMember(q, id, actor.userId);
  const covers = (code: string | null | undefined) => !!code && code.startsWith(s.divisionCode);
  if (!canReadAt(actor, s.divisionCode) && !panel && !covers(person?.householdCode) && !covers(actor.homeDivisionCode))
    throw new AppError('not_found', { what: `selection ${id}` });
  return { s, person, panel };
}

/** A verified resident of the selection's area: their register person lives under its place. */
export const isVoterOf = (s: { divisionCode: string }, p: PersonFacts | null): p is PersonFacts =>
  !!p && p.householdCode.startsWith(s.divisionCode);

type Action = SelectionView['actions'][number];

function actionsOf(
  actor: Actor,
  s: repo.SelectionRow,
  person: PersonFacts | null,
  panel: boolean,
  now: Date,
): Action[] {
  const out: Action[] = [];
  if (managesAt(actor, s.divisionCode)) {
    if (s.phase !== 'results') out.push('advance');
    if (s.phase === 'eligibility') out.push('check');
    if (s.phase === 'voting') out.push('paper_vote');
    if (s.phase === 'publicity') out.push('answer');
    if (s.phase === 'results') out.push('certify');
  }
  if (panel && s.phase === 'scoring') out.push('score');
  if (isVoterOf(s, person)) {
    if (s.phase === 'nomination') out.push('nominate', 'endorse');
    if (voteWindow(s, now).ok) out.push('vote');
  }
  if (s.phase === 'publicity' && actor.kind === 'user') out.push('object');
  return out;
}

async function view(
  q: Queryable,
  actor: Actor,
  s: repo.SelectionRow,
  person: PersonFacts | null,
  panel: boolean,
  now: Date,
) {
  const [criteria, members, votes] = await Promise.all([
    repo.criteriaOf(q, s.id),
    repo.panelOf(q, s.id),
    turnout(q, s.id),
  ]);
  return {
    ...s,
    voteWeight: 100 - s.panelWeight,
    criteria,
    panel: members,
    turnout: votes,
    actions: actionsOf(actor, s, person, panel, now),
  } satisfies SelectionView;
}

export async function getSelectionView(deps: Deps, actor: Actor, id: string): Promise<SelectionView> {
  const { s, person, panel } = await readableSelection(deps.db, actor, id);
  return view(deps.db, actor, s, person, panel, deps.clock.now());
}

export async function createSelection(
  deps: Deps,
  actor: UserActor,
  body: Static<typeof CreateSelectionBody>,
  opts: { isDemo?: boolean } = {},
): Promise<SelectionView> {
  if (!managesAt(actor, body.divisionCode)) throw new AppError('forbidden');
  const now = deps.clock.now();
  const criteria = body.criteria.map((c, i) => ({ ...c, position: i + 1 }));
  for (const c of criteria)
    if (c.maxScore <= c.minScore)
      throw new AppError('validation_failed', { summary: `criterion "${c.name}": maxScore must exceed minScore` });
  const dates = {
    nominationEndsAt: new Date(body.nominationEndsAt),
    votingStartsAt: new Date(body.votingStartsAt),
    votingEndsAt: new Date(body.votingEndsAt),
  };
  unwrap(checkNewSelection({ now, ...dates, criteria }));
  const id = await deps.db.transaction(async (tx) => {
    if (!(await repo.divisionName(tx, body.divisionCode)))
      throw new AppError('not_found', { what: `division ${body.divisionCode}` });
    const staff = await repo.activeStaff(tx, body.panel);
    const unknown = body.panel.filter((p) => !staff.includes(p));
    if (unknown.length > 0)
      throw new AppError('validation_failed', { summary: `panel: not active staff accounts: ${unknown.join(', ')}` });
    const newId = await repo.insertSelection(tx, {
      kind: body.kind,
      subject: KIND_SUBJECT[body.kind],
      title: body.title,
      divisionCode: body.divisionCode,
      quota: body.quota,
      partyMemberRequired: body.partyMemberRequired ?? body.kind === 'pioneer_post',
      endorsementsRequired: body.endorsementsRequired ?? 5,
      panelWeight: body.panelWeight,
      trimmedMean: body.trimmedMean ?? false,
      ...dates,
      publicityDays: body.publicityDays ?? 5,
      publicityCalendar: body.publicityCalendar ?? 'working',
      createdBy: actor.userId,
      createdAt: now,
      isDemo: opts.isDemo,
      criteria,
      panel: body.panel,
    });
    await audit(tx, actor, {
      action: 'selections.create',
      entityType: 'selection',
      entityId: newId,
      scopeCode: body.divisionCode,
      after: { ...body, criteria },
    });
    return newId;
  });
  return getSelectionView(deps, actor, id);
}

const KEY = ['date', 'uuid'] as const;

export async function listForStaff(
  deps: Deps,
  actor: Actor,
  query: PageRequest & { scope?: string },
): Promise<Page<repo.SelectionRow>> {
  let scopes = readableScopes(actor);
  if (query.scope) scopes = scopes.some((s) => query.scope!.startsWith(s)) ? [query.scope] : [];
  if (scopes.length === 0 && !query.scope) throw new AppError('forbidden');
  const limit = query.limit ?? 50;
  const after = afterKey(query.cursor, KEY);
  const where = { scopes, covering: query.scope ? [] : scopes };
  return pageOf(await repo.listSelections(deps.db, where, limit + 1, after), limit, repo.selectionKey);
}

/** The selections whose area covers the resident's registered place (or home place when unverified). */
export async function listForResident(
  deps: Deps,
  actor: UserActor,
  query: PageRequest,
): Promise<Page<repo.SelectionRow>> {
  const person = await personOfUser(deps.db, actor.userId);
  const places = [person?.householdCode, actor.homeDivisionCode].filter((p): p is string => !!p);
  const limit = query.limit ?? 50;
  const after = afterKey(query.cursor, KEY);
  const rows = places.length
    ? await repo.listSelections(deps.db, { covering: places, scopes: [] }, limit + 1, after)
    : [];
  return pageOf(rows, limit, repo.selectionKey);
}

export async function panelList(deps: Deps, actor: UserActor): Promise<Page<repo.SelectionRow>> {
  return { items: await repo.panelSelections(deps.db, actor.userId), next: null, more: false };
}

/** When 公示 published now ends: 0 days ends at once; otherwise working days on the official calendar, or calendar days. */
export function publicityEnd(s: { publicityDays: number; publicityCalendar: 'working' | 'calendar' }, now: Date): Date {
  if (s.publicityDays === 0) return now;
  return s.publicityCalendar === 'calendar'
    ? new Date(now.getTime() + s.publicityDays * DAY_MS)
    : addWorkingDays(now, s.publicityDays);
}

/** Moves the selection to its next phase (the guard of its current phase decides); leaving voting publishes the ranking. */
export async function advanceSelection(
  deps: Deps,
  actor: UserActor,
  id: string,
  reason?: string,
): Promise<SelectionView> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const { s } = await readableSelection(tx, actor, id, true);
    if (!managesAt(actor, s.divisionCode)) throw new AppError('forbidden');
    const counts = await repo.advanceCounts(tx, id);
    const to: Phase = unwrap(advance(s, { now, ...counts, reason }));
    const patch: Parameters<typeof repo.updatePhase>[2] = { phase: to };
    if (to === 'voting' && now < s.votingStartsAt) patch.votingStartsAt = now;
    if (to === 'publicity') {
      patch.votingClosedAt = new Date(Math.min(now.getTime(), s.votingEndsAt.getTime()));
      patch.publishedAt = now;
      patch.publicityEndsAt = publicityEnd(s, now);
    }
    if (to === 'results') patch.resultsAt = now;
    await repo.updatePhase(tx, id, patch);
    const ranking = to === 'publicity' ? await publishRanking(tx, s, now) : undefined;
    await audit(tx, actor, {
      action: to === 'publicity' ? 'selections.publish' : 'selections.advance',
      entityType: 'selection',
      entityId: id,
      scopeCode: s.divisionCode,
      before: { phase: s.phase },
      after: { phase: to, reason: reason ?? null, ...(ranking ? { revision: s.rankingRevision + 1, ranking } : {}) },
    });
  });
  return getSelectionView(deps, actor, id);
}
