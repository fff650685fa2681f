/**
 * Nominations (提名): 自荐 (a verified resident of the area, with a statement and evidence), 举荐 by
 * an organisation (staff running the selection, naming the organisation), 举荐 by residents (one
 * resident proposes, others endorse; at N endorsements the proposal becomes a nomination). The
 * registers decide eligibility at once (a 422 names the rule); the eligibility check (资格审查)
 * by staff comes after nominations close.
 */
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import type { Queryable } from '../../platform/db/db';
import { AppError, unwrap } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, type Page, type PageRequest, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import type { Static } from 'typebox';
import { checkEligibility, requirePhase } from './selections.domain';
import * as repo from './nominees.repo';
import { canReadAt, isStaff, managesAt } from './selections.policy';
import type { NomineeStatus } from './selections.labels';
import type { CheckBody, NominateBody } from './selections.schema';
import { isVoterOf, readableSelection } from './selections.service';
import { divisionName, type SelectionRow } from './selections.repo';

const NOMINATE = { en: 'nominate', zh: '提名' };

interface Subject {
  residentId: string | null;
  partyOrgCode: string | null;
  subjectDivisionCode: string | null;
  name: string;
  placeCode: string;
}

/** Finds the nominee in the registers and checks them against the selection's rules. */
async function resolveSubject(
  deps: Deps,
  tx: Queryable,
  s: SelectionRow,
  body: Static<typeof NominateBody>,
  self: repo.PersonFacts | null,
): Promise<Subject> {
  const check = (facts: Parameters<typeof checkEligibility>[1]) => unwrap(checkEligibility(s, facts));
  if (body.partyOrgCode) {
    const org = await repo.partyOrg(tx, body.partyOrgCode);
    check({ subject: 'party_org', placeCode: org?.divisionCode ?? null, partyMember: false });
    return {
      residentId: null,
      partyOrgCode: body.partyOrgCode,
      subjectDivisionCode: null,
      name: org!.name,
      placeCode: org!.divisionCode,
    };
  }
  if (body.subjectDivisionCode) {
    const name = await divisionName(tx, body.subjectDivisionCode);
    check({ subject: 'division', placeCode: name ? body.subjectDivisionCode : null, partyMember: false });
    const code = body.subjectDivisionCode;
    return { residentId: null, partyOrgCode: null, subjectDivisionCode: code, name: name!, placeCode: code };
  }
  let person: repo.PersonFacts | null;
  if (body.route === 'self') {
    if (!self) check({ subject: 'person', placeCode: null, partyMember: false });
    person = self;
  } else if (body.residentId) person = await repo.personById(tx, body.residentId);
  else if (body.name && body.phone)
    person = await repo.personByIndex(tx, body.name.trim(), 'phone', deps.crypto.blindIndex('phone', body.phone));
  else throw new AppError('validation_failed', { summary: 'name the nominee: residentId, or name and phone' });
  check({ subject: 'person', placeCode: person?.householdCode ?? null, partyMember: person?.partyMember ?? false });
  return {
    residentId: person!.residentId,
    partyOrgCode: null,
    subjectDivisionCode: null,
    name: person!.name,
    placeCode: person!.householdCode.slice(0, 12),
  };
}

export async function nominate(deps: Deps, actor: UserActor, id: string, body: Static<typeof NominateBody>) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { s, person } = await readableSelection(tx, actor, id);
    unwrap(requirePhase(s, ['nomination'], NOMINATE));
    // 组织举荐: staff of the area (a village's officers for their town's selection too)
    const staffOfArea = isStaff(actor) && canReadAt(actor, s.divisionCode);
    if (body.route === 'organisation' && !staffOfArea) throw new AppError('forbidden');
    if (body.route !== 'organisation' && !isVoterOf(s, person))
      throw new AppError('selection_not_a_voter', { action: 'nominate', actionZh: '提名' });
    if (body.route === 'self' && s.subject !== 'person')
      unwrap(checkEligibility(s, { subject: 'person', placeCode: null, partyMember: false }));
    const subject = await resolveSubject(deps, tx, s, body, person);
    const status = body.route === 'residents' && s.endorsementsRequired > 1 ? 'proposed' : 'nominated';
    const nomineeId = await repo.insertNominee(tx, {
      selectionId: id,
      ...subject,
      route: body.route,
      statement: body.statement,
      evidence: body.evidence ?? '',
      nominatedBy: actor.userId,
      orgName: body.route === 'organisation' ? (body.orgName ?? s.divisionName) : null,
      status,
      now,
    });
    if (!nomineeId) throw new AppError('selection_already_nominated', { name: subject.name });
    if (body.route === 'residents') await repo.insertEndorsement(tx, nomineeId, person!.residentId, actor.userId, now);
    await audit(tx, actor, {
      action: 'selections.nominate',
      entityType: 'selection_nominee',
      entityId: nomineeId,
      scopeCode: s.divisionCode,
      after: { selectionId: id, route: body.route, name: subject.name, status },
    });
    return (await repo.getNominee(tx, nomineeId))!;
  });
}

/** A verified resident of the area endorses a residents' proposal; at N endorsements it is nominated. */
export async function endorse(deps: Deps, actor: UserActor, id: string, nomineeId: string) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { s, person } = await readableSelection(tx, actor, id);
    unwrap(requirePhase(s, ['nomination'], { en: 'endorse a nomination', zh: '联名举荐' }));
    const n = await repo.getNominee(tx, nomineeId, true);
    if (!n || n.selectionId !== id) throw new AppError('not_found', { what: `nominee ${nomineeId}` });
    if (!isVoterOf(s, person)) throw new AppError('selection_not_a_voter', { action: 'endorse', actionZh: '联名举荐' });
    if (n.route !== 'residents')
      throw new AppError('conflict', {
        reasonZh: '只有居民的推荐才需要联名',
        reasonEn: 'only residents’ proposals take endorsements',
      });
    if (!(await repo.insertEndorsement(tx, nomineeId, person.residentId, actor.userId, now)))
      throw new AppError('selection_already_endorsed');
    const count = await repo.endorsementCount(tx, nomineeId);
    if (n.status === 'proposed' && count >= s.endorsementsRequired)
      await repo.setNomineeStatus(tx, nomineeId, 'nominated');
    await audit(tx, actor, {
      action: 'selections.endorse',
      entityType: 'selection_nominee',
      entityId: nomineeId,
      scopeCode: s.divisionCode,
      after: { endorsements: count },
    });
    return (await repo.getNominee(tx, nomineeId))!;
  });
}

/** 资格审查: staff running the selection mark a nominee eligible or not, with a note. */
export async function checkNominee(
  deps: Deps,
  actor: UserActor,
  id: string,
  nomineeId: string,
  body: Static<typeof CheckBody>,
) {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { s } = await readableSelection(tx, actor, id);
    if (!managesAt(actor, s.divisionCode)) throw new AppError('forbidden');
    unwrap(requirePhase(s, ['eligibility'], { en: 'check eligibility', zh: '资格审查' }));
    const n = await repo.getNominee(tx, nomineeId, true);
    if (!n || n.selectionId !== id) throw new AppError('not_found', { what: `nominee ${nomineeId}` });
    if (n.status === 'proposed')
      throw new AppError('conflict', {
        reasonZh: '该推荐的联名人数不足',
        reasonEn: 'the proposal did not gather enough endorsements',
      });
    const status = body.eligible ? 'eligible' : 'ineligible';
    await repo.setNomineeStatus(tx, nomineeId, status, { note: body.note, by: actor.userId, at: now });
    await audit(tx, actor, {
      action: 'selections.check',
      entityType: 'selection_nominee',
      entityId: nomineeId,
      scopeCode: s.divisionCode,
      before: { status: n.status },
      after: { status, note: body.note },
    });
    return (await repo.getNominee(tx, nomineeId))!;
  });
}

const NOMINEE_KEY = ['date', 'uuid'] as const;

/** A page of the nominees in nomination order (optionally of one status). */
export async function listNominees(
  deps: Deps,
  actor: UserActor,
  id: string,
  query: PageRequest & { status?: NomineeStatus },
): Promise<Page<repo.NomineeRow>> {
  const { s } = await readableSelection(deps.db, actor, id);
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const after = afterKey(query.cursor, NOMINEE_KEY);
  return pageOf(await repo.nomineePage(deps.db, s.id, query.status, limit + 1, after), limit, repo.nomineeKey);
}
