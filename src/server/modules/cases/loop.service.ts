/**
 * The loop after intake: every event runs the same way through its command (events/table.ts) —
 * load the readable case for update → authorise (the command's policy) → the command's look-ups →
 * its pure step (the state machine, the patch, the timeline data) → persist, timeline, notifications
 * and audit in one transaction.
 */
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import type { CaseEventType, CaseState } from './case-machine';
import { EVENT_LABELS, STATE_LABELS } from './cases.labels';
import { findReadableCase } from './case-scope.repo';
import { cachedCategories, cachedCategory } from './categories.service';
import { caseReadScope } from './cases.policy';
import * as repo from './cases.repo';
import { COMMANDS, type EventInput } from './events/table';

const REOPEN_WINDOW_DAYS = 7;

export async function applyEvent(deps: Deps, actor: Actor, caseId: string, input: EventInput) {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const command = COMMANDS[input.type];
  if (!command)
    throw new AppError('invalid_case_event', {
      reasonZh: `没有「${String(input.type)}」这项操作`,
      reasonEn: `no event ${String(input.type)}`,
    });
  const now = deps.clock.now();
  await cachedCategories(deps.db); // warm the caches outside the transaction (PGlite has one session)
  const preloaded = await command.preload?.(deps, input);
  return deps.db.transaction(async (tx) => {
    const c = await findReadableCase(tx, caseId, caseReadScope(actor), true);
    if (!c) throw new AppError('not_found', { what: `case ${caseId}` });
    if (!command.authorise(actor, c)) throw new AppError('forbidden');
    const resolved = await command.resolve?.({ tx, deps, actor, case: c, preloaded }, input);
    const step = command.apply(c, input, resolved, {
      now,
      actorLabel: actor.displayName,
      category: (await cachedCategory(deps.db, c.categoryCode))!,
      countyCode: deps.config.countyCode,
      officeHours: deps.config.officeHours,
      reopenWindowMs: REOPEN_WINDOW_DAYS * 86_400_000,
    });
    if (!step.ok) {
      const d = step.details ?? {};
      // the message names both in Chinese (errors.ts {fromZh} {eventZh})
      if (step.code === 'case_transition_not_allowed')
        Object.assign(d, {
          fromZh: STATE_LABELS[d.from as CaseState].zh,
          eventZh: EVENT_LABELS[d.event as CaseEventType].zh,
        });
      throw new AppError(step.code, d);
    }
    await repo.updateCase(tx, c.id, step.patch);
    const updated = (await repo.findCase(tx, c.id))!;
    await repo.insertEvent(tx, c.id, {
      at: now,
      actorId: actor.userId,
      actorLabel: actor.displayName,
      type: input.type,
      fromState: c.state,
      toState: step.toState,
      note: step.note,
      data: step.data,
      isPublic: command.public,
    });
    await command.notify?.(tx, updated, input, now);
    // last: the audit chain's lock is held until commit
    await audit(tx, actor, {
      action: `cases.${input.type}`,
      entityType: 'case',
      entityId: c.id,
      scopeCode: c.divisionCode,
      before: { state: c.state },
      after: { state: step.toState, ...step.data },
    });
    return updated;
  });
}
