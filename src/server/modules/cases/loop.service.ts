/**
 * The loop after intake: one use case per event, all through applyEvent — load the case for
 * update → authorise (policy) → the pure state machine → persist, timeline, audit and
 * notifications in one transaction.
 */
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import { dueAt } from '../../platform/calendar/working-time';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { enqueue } from '../../platform/outbox/outbox';
import { mayHandleAt } from '../access';
import { findUserById } from '../identity';
import { EVENT_LABELS, STATE_LABELS } from './case-labels';
import { type CaseEvent, transition } from './case-machine';
import { cachedCategories, cachedCategory } from './categories.service';
import { canReadCase, caseReadScope, mayTake } from './cases.policy';
import { findReadableCase } from './case-scope.repo';
import * as repo from './cases.repo';
import { gridIndex } from '../organisation';
import { FILED_TOPIC, notifyHandlers, notifyReporter, notifyVerifiers } from './notify';
import { keepPlace, locate, reroute, type RouteDecision } from './routing';
import { refiledExtra } from './extra-fields';
import type { Category } from './categories.repo';

const REOPEN_WINDOW_DAYS = 7;

export type EventInput =
  | {
      type: 'file';
      note?: string;
      /** the dispatcher's correction of the category (a label the classifier learns from) */ categoryCode?: string;
      /** values for the (new) category's extra fields; those the case had and the category has are kept */ extra?: Record<
        string,
        unknown
      >;
    }
  | {
      type: 'reject';
      reason: 'not_a_problem' | 'duplicate' | 'not_our_responsibility';
      note?: string;
      duplicateOf?: string;
      referral?: string;
    }
  | { type: 'dispatch'; handlerUserId?: string; departmentCode?: string; note?: string }
  | { type: 'accept' | 'approve_suspension' | 'deny_suspension' | 'resume'; note?: string }
  | { type: 'send_back' | 'progress' | 'feedback' | 'reopen'; note: string }
  | { type: 'request_suspension'; note: string; until: string }
  | { type: 'verify'; passed: boolean; note: string }
  | { type: 'rate'; score: number; comment?: string }
  | { type: 'supervise'; note: string; due: string };

function toMachineEvent(e: EventInput, handler: string): CaseEvent {
  switch (e.type) {
    case 'reject':
      return {
        type: 'reject',
        reason:
          e.reason === 'duplicate'
            ? { kind: 'duplicate', caseId: e.duplicateOf ?? '' }
            : e.reason === 'not_our_responsibility'
              ? { kind: 'not_our_responsibility', referral: e.referral ?? '' }
              : { kind: 'not_a_problem', note: e.note ?? '' },
      };
    case 'dispatch':
      return { type: 'dispatch', handler };
    case 'send_back':
      return { type: 'send_back', reason: e.note };
    case 'progress':
    case 'feedback':
      return { type: e.type, note: e.note };
    case 'reopen':
      return { type: 'reopen', reason: e.note };
    case 'request_suspension':
      return { type: 'request_suspension', reason: e.note, until: new Date(e.until) };
    case 'verify':
      return { type: 'verify', passed: e.passed, note: e.note };
    case 'rate':
      return { type: 'rate', score: e.score, comment: e.comment ?? '' };
    case 'supervise':
      return { type: 'supervise', note: e.note, due: new Date(e.due) };
    default:
      return { type: e.type } as CaseEvent;
  }
}

export async function applyEvent(deps: Deps, actor: Actor, caseId: string, input: EventInput) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const now = deps.clock.now();
  await cachedCategories(deps.db); // warm the caches outside the transaction (PGlite has one session)
  const countyCode = deps.config.countyCode;
  const grids = input.type === 'file' && input.categoryCode !== undefined ? await gridIndex(deps.db, countyCode) : null;
  return deps.db.transaction(async (tx) => {
    const c = await findReadableCase(tx, caseId, caseReadScope(actor), true);
    if (!c) throw new AppError('not_found', { what: `case ${caseId}` });
    if (!mayTake(actor, c, input.type)) throw new AppError('forbidden');
    const patch: repo.CasePatch = {};
    let handlerLabel = '';
    if (input.type === 'dispatch') {
      if (Boolean(input.handlerUserId) === Boolean(input.departmentCode))
        throw new AppError('handler_invalid', { reason: 'give a handler user or a department' });
      if (input.handlerUserId) {
        const user = await findUserById(tx, input.handlerUserId);
        if (!user || user.kind !== 'staff' || user.disabledAt)
          throw new AppError('handler_invalid', { reason: 'unknown staff member' });
        const place = c.gridCode ?? c.divisionCode;
        if (!(await mayHandleAt(tx, user.id, place, place.length >= 12 ? place.slice(0, 12) : null))) {
          throw new AppError('handler_invalid', {
            reason: `${user.displayName} is not a grid worker or village officer here, nor a department handler covering ${place}`,
          });
        }
        Object.assign(patch, { handlerUserId: user.id, handlerDepartment: null });
        handlerLabel = user.displayName;
      } else {
        const departmentName = await repo.departmentName(tx, input.departmentCode!);
        if (departmentName === null)
          throw new AppError('handler_invalid', { reason: `unknown department ${input.departmentCode}` });
        Object.assign(patch, { handlerUserId: null, handlerDepartment: input.departmentCode });
        handlerLabel = departmentName;
      }
    }
    if (input.type === 'reject' && input.reason === 'duplicate' && input.duplicateOf) {
      const original =
        (await repo.findCaseByNumber(tx, input.duplicateOf)) ??
        (/^[0-9a-f-]{36}$/.test(input.duplicateOf) ? await repo.findCase(tx, input.duplicateOf) : null);
      // An original the dispatcher may not read answers like a missing one (no existence oracle).
      if (!original || original.id === c.id || !canReadCase(actor, original)) {
        throw new AppError('invalid_case_event', { reason: `no case ${input.duplicateOf} to be a duplicate of` });
      }
      patch.duplicateOf = original.id;
    }
    let categoryChange: { from: string; to: string } | null = null;
    let rerouted: RouteDecision | null = null;
    let staysPublic = c.isPublic;
    let filedUnder: Category | null = null;
    if (input.type === 'file' && input.categoryCode !== undefined) {
      const chosen = await cachedCategory(deps.db, input.categoryCode);
      if (!chosen || !chosen.active || chosen.kind === 'major')
        throw new AppError('unknown_category', { code: input.categoryCode });
      categoryChange = { from: c.categoryCode, to: chosen.code };
      filedUnder = chosen;
      if (chosen.code !== c.categoryCode) {
        // 改类重派: the same place, routed again for the new category (tier, department, trace)
        const previous = (await cachedCategory(deps.db, c.categoryCode))!;
        const where = keepPlace(locate([c.lng, c.lat], grids, countyCode), c);
        rerouted = reroute(chosen, where, countyCode, {
          from: { code: previous.code, name: previous.name },
          by: actor.displayName,
        });
        staysPublic = c.isPublic && chosen.isPublic; // moved into a private category: private; never made public by the move
      }
    }
    const snapshot = {
      state: c.state,
      closedAt: c.closedAt,
      rated: c.rating !== null,
      suspensionRequested: c.suspensionRequested,
      reworkCount: c.reworkCount,
    };
    const r = transition(snapshot, toMachineEvent(input, handlerLabel || 'x'), {
      now,
      reopenWindowMs: REOPEN_WINDOW_DAYS * 86_400_000,
    });
    if (!r.ok) {
      if (r.code === 'transition_not_allowed') {
        throw new AppError('case_transition_not_allowed', {
          from: r.from,
          event: r.event,
          fromZh: STATE_LABELS[r.from].zh,
          eventZh: EVENT_LABELS[r.event].zh,
        });
      }
      throw new AppError('invalid_case_event', { reason: r.reason });
    }
    const next = r.next;
    Object.assign(patch, {
      state: next.state,
      reworkCount: next.reworkCount,
      suspensionRequested: next.suspensionRequested,
      updatedAt: now,
    });
    const category = (await cachedCategory(deps.db, c.categoryCode))!;
    switch (input.type) {
      case 'file':
        Object.assign(patch, {
          filedAt: now,
          respondedAt: c.respondedAt ?? now,
          categoryConfirmed: true,
          ...(categoryChange && { categoryCode: categoryChange.to }),
        });
        if (rerouted) {
          Object.assign(patch, {
            tier: rerouted.tier,
            ruleTrace: rerouted.trace,
            isPublic: staysPublic,
            handlerDepartment: rerouted.target.kind === 'department' ? rerouted.target.departmentCode : null,
          });
        }
        // the category it is filed under decides which extra fields it has (required ones must be there)
        if (rerouted || input.extra !== undefined)
          patch.extra = refiledExtra(filedUnder ?? category, c.extra, input.extra);
        break;
      case 'reject':
        Object.assign(patch, {
          respondedAt: c.respondedAt ?? now,
          rejection: { reason: input.reason, note: input.note ?? null, referral: input.referral ?? null },
        });
        break;
      case 'dispatch':
        Object.assign(patch, {
          dispatchedAt: now,
          handleDueAt: dueAt(now, category.timeLimits.handle[c.urgency], deps.config.officeHours),
        });
        break;
      case 'send_back':
        Object.assign(patch, { handlerUserId: null, handlerDepartment: null });
        break;
      case 'approve_suspension':
        Object.assign(patch, { suspended: true, everSuspended: true });
        break;
      case 'resume':
        patch.suspended = false;
        break;
      case 'feedback':
        patch.feedbackAt = now;
        break;
      case 'verify':
        if (input.passed)
          Object.assign(patch, { closedAt: now, closedOnTime: c.handleDueAt ? now <= c.handleDueAt : null });
        break;
      case 'rate':
        Object.assign(patch, { rating: input.score, ratingComment: input.comment?.trim() || null });
        break;
      case 'reopen':
        Object.assign(patch, {
          closedAt: null,
          closedOnTime: null,
          rating: null,
          ratingComment: null,
          feedbackAt: null,
        });
        break;
      case 'supervise':
        Object.assign(patch, { supervised: true, supervisionDueAt: new Date(input.due) });
        break;
    }
    await repo.updateCase(tx, c.id, patch);
    const updated = (await repo.findCase(tx, c.id))!;
    const note = 'note' in input ? (input.note ?? null) : input.type === 'rate' ? (input.comment ?? null) : null;
    const data: Record<string, unknown> = { ...input };
    delete data.note;
    delete data.categoryCode;
    if (categoryChange) data.category = categoryChange;
    if (rerouted) {
      data.routing = {
        from: { tier: c.tier, handlerDepartment: c.handlerDepartment },
        to: { tier: updated.tier, handlerDepartment: updated.handlerDepartment },
        trace: rerouted.trace.map((t) => t.rule),
      };
    }
    if (handlerLabel) data.handlerLabel = handlerLabel;
    await repo.insertEvent(tx, c.id, {
      at: now,
      actorId: actor.userId,
      actorLabel: actor.displayName,
      type: input.type,
      fromState: c.state,
      toState: next.state,
      note,
      data,
      isPublic: !['approve_suspension', 'deny_suspension', 'supervise', 'send_back'].includes(input.type),
    });
    await sideEffects(tx, updated, input, now);
    // last: the audit chain's lock is held until commit
    await audit(tx, actor, {
      action: `cases.${input.type}`,
      entityType: 'case',
      entityId: c.id,
      scopeCode: c.divisionCode,
      before: { state: c.state },
      after: { state: next.state, ...data },
    });
    return updated;
  });
}

async function sideEffects(tx: Parameters<typeof notifyReporter>[0], c: repo.CaseRow, input: EventInput, now: Date) {
  if (
    ['file', 'reject', 'dispatch', 'feedback', 'verify', 'reopen'].includes(input.type) ||
    input.type === 'progress'
  ) {
    await notifyReporter(tx, c, input.type, c.state, now);
  }
  if (input.type === 'file' && c.reporterId) {
    await enqueue(
      tx,
      FILED_TOPIC,
      {
        caseId: c.id,
        number: c.number,
        reporterId: c.reporterId,
        categoryCode: c.categoryCode,
        divisionCode: c.divisionCode,
        filedAt: now.toISOString(),
      },
      now,
    );
  }
  if (input.type === 'dispatch') await notifyHandlers(tx, c, `新任务 ${c.number}`, now);
  if (input.type === 'supervise') await notifyHandlers(tx, c, `督办 ${c.number}`, now);
  if (input.type === 'verify' && !input.passed) await notifyHandlers(tx, c, `核查未通过，请返工 ${c.number}`, now);
  if (input.type === 'reopen') await notifyHandlers(tx, c, `群众不满意，重新办理 ${c.number}`, now);
  if (input.type === 'feedback') await notifyVerifiers(tx, c, now);
}
