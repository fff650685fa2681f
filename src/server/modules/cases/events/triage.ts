/** Triage (受理): file (立案, possibly under another category: 改类重派), reject (不予立案), dispatch (派遣). */
import Type from 'typebox';
import { dueAt } from '../../../platform/calendar/working-time';
import { enqueue } from '../../../platform/outbox/outbox';
import { AppError } from '../../../platform/errors';
import { mayHandleAt } from '../../access';
import { findUserById } from '../../identity';
import type { Category } from '../categories.repo';
import { cachedCategory } from '../categories.service';
import { canReadCase, canTriage } from '../cases.policy';
import * as repo from '../cases.repo';
import { refiledExtra } from '../extra-fields';
import { gridIndex } from '../../organisation';
import { notifyHandlers, notifyReporter } from '../notify';
import { CASES_FILED } from '../topics';
import { type GridLookup, keepPlace, locate, reroute } from '../routing';
import { command, machineStep, Note } from './command';
import { Closed } from '../../../platform/http/schema-helpers';

export const file = command({
  type: 'file',
  schema: Type.Object(
    {
      type: Type.Literal('file'),
      note: Type.Optional(Note),
      categoryCode: Type.Optional(
        Type.String({
          maxLength: 10,
          description: "the dispatcher's category when it differs from the reporter's (recorded as {from, to})",
        }),
      ),
      extra: Type.Optional(
        Type.Record(Type.String(), Type.Unknown(), {
          description: "values for the category's extra fields (those the case had and the category has are kept)",
        }),
      ),
    },
    Closed,
  ),
  public: true,
  authorise: canTriage,
  preload: async (deps, input): Promise<GridLookup | null> =>
    input.categoryCode !== undefined ? gridIndex(deps.db, deps.config.countyCode) : null,
  /** the dispatcher's category (a label the classifier learns from): an active minor category */
  async resolve({ deps, preloaded }, input): Promise<{ chosen: Category | null; grids: GridLookup | null }> {
    if (input.categoryCode === undefined) return { chosen: null, grids: preloaded };
    const chosen = await cachedCategory(deps.db, input.categoryCode);
    if (!chosen?.active || chosen.kind === 'major')
      throw new AppError('unknown_category', { code: input.categoryCode });
    return { chosen, grids: preloaded };
  },
  apply: (c, input, { chosen, grids }, env) =>
    machineStep(c, input, { type: 'file' }, env, () => {
      const patch = {
        filedAt: env.now,
        respondedAt: c.respondedAt ?? env.now,
        categoryConfirmed: true,
        ...(chosen && { categoryCode: chosen.code }),
      };
      const data: Record<string, unknown> = chosen ? { category: { from: c.categoryCode, to: chosen.code } } : {};
      if (!chosen || chosen.code === c.categoryCode) {
        if (input.extra !== undefined)
          Object.assign(patch, { extra: refiledExtra(chosen ?? env.category, c.extra, input.extra) });
        return { patch, data };
      }
      // 改类重派: the same place, routed again for the new category (tier, department, trace)
      const where = keepPlace(locate([c.lng, c.lat], grids, env.countyCode), c);
      const rerouted = reroute(chosen, where, env.countyCode, {
        from: { code: env.category.code, name: env.category.name },
        by: env.actorLabel,
      });
      const handlerDepartment = rerouted.target.kind === 'department' ? rerouted.target.departmentCode : null;
      data.routing = {
        from: { tier: c.tier, handlerDepartment: c.handlerDepartment },
        to: { tier: rerouted.tier, handlerDepartment },
        trace: rerouted.trace.map((t) => t.rule),
      };
      Object.assign(patch, {
        tier: rerouted.tier,
        ruleTrace: rerouted.trace,
        isPublic: c.isPublic && chosen.isPublic, // moved into a private category: private; never made public by the move
        handlerDepartment,
        // the category it is filed under decides which extra fields it has (required ones must be there)
        extra: refiledExtra(chosen, c.extra, input.extra),
      });
      return { patch, data };
    }),
  async notify(tx, c, _input, now) {
    await notifyReporter(tx, c, 'file', c.state, now);
    if (c.reporterId) {
      const payload = {
        caseId: c.id,
        number: c.number,
        reporterId: c.reporterId,
        categoryCode: c.categoryCode,
        divisionCode: c.divisionCode,
        filedAt: now.toISOString(),
      };
      await enqueue(tx, CASES_FILED, payload, now);
    }
  },
});

export const reject = command({
  type: 'reject',
  schema: Type.Object(
    {
      type: Type.Literal('reject'),
      reason: Type.Union([
        Type.Literal('not_a_problem'),
        Type.Literal('duplicate'),
        Type.Literal('not_our_responsibility'),
      ]),
      note: Type.Optional(Note),
      duplicateOf: Type.Optional(Type.String({ maxLength: 40 })),
      referral: Type.Optional(Type.String({ maxLength: 200 })),
    },
    Closed,
  ),
  public: true,
  authorise: canTriage,
  /** the case it duplicates, by number or id; one the dispatcher may not read answers like a missing one (no existence oracle) */
  async resolve({ tx, actor, case: c }, input): Promise<string | null> {
    if (input.reason !== 'duplicate' || !input.duplicateOf) return null;
    const original =
      (await repo.findCaseByNumber(tx, input.duplicateOf)) ??
      (/^[0-9a-f-]{36}$/.test(input.duplicateOf) ? await repo.findCase(tx, input.duplicateOf) : null);
    if (!original || original.id === c.id || !canReadCase(actor, original))
      throw new AppError('invalid_case_event', {
        reasonZh: `没有编号为 ${input.duplicateOf} 的案件可作为重复的原件`,
        reasonEn: `no case ${input.duplicateOf} to be a duplicate of`,
      });
    return original.id;
  },
  apply: (c, input, duplicateOf, env) =>
    machineStep(
      c,
      input,
      {
        type: 'reject',
        reason:
          input.reason === 'duplicate'
            ? { kind: 'duplicate', caseId: duplicateOf ?? '' }
            : input.reason === 'not_our_responsibility'
              ? { kind: 'not_our_responsibility', referral: input.referral ?? '' }
              : { kind: 'not_a_problem', note: input.note ?? '' },
      },
      env,
      () => ({
        patch: {
          ...(duplicateOf && { duplicateOf }),
          respondedAt: c.respondedAt ?? env.now,
          rejection: { reason: input.reason, note: input.note ?? null, referral: input.referral ?? null },
        },
      }),
    ),
  notify: (tx, c, _input, now) => notifyReporter(tx, c, 'reject', c.state, now),
});

/** Who a dispatch names: a staff member who may handle at the case's place, or a department. */
export interface Handler {
  handlerUserId: string | null;
  handlerDepartment: string | null;
  label: string;
}

export const dispatch = command({
  type: 'dispatch',
  schema: Type.Object(
    {
      type: Type.Literal('dispatch'),
      handlerUserId: Type.Optional(Type.String({ format: 'uuid' })),
      departmentCode: Type.Optional(Type.String({ maxLength: 40 })),
      note: Type.Optional(Note),
    },
    Closed,
  ),
  public: true,
  authorise: canTriage,
  /** the handler named, checked; none named: null, and the machine refuses */
  async resolve({ tx, case: c }, input): Promise<Handler | null> {
    if (input.handlerUserId && input.departmentCode)
      throw new AppError('handler_invalid', {
        reasonZh: '请指定办理人或部门',
        reasonEn: 'give a handler user or a department',
      });
    if (input.handlerUserId) {
      const user = await findUserById(tx, input.handlerUserId);
      if (user?.kind !== 'staff' || user.disabledAt)
        throw new AppError('handler_invalid', { reasonZh: '没有这位工作人员', reasonEn: 'unknown staff member' });
      const place = c.gridCode ?? c.divisionCode;
      if (!(await mayHandleAt(tx, user.id, place, place.length >= 12 ? place.slice(0, 12) : null))) {
        throw new AppError('handler_invalid', {
          reasonZh: `${user.displayName} 不是此处的网格员或村干部，也不是负责该地的部门办理人`,
          reasonEn: `${user.displayName} is not a grid worker or village officer here, nor a department handler covering ${place}`,
        });
      }
      return { handlerUserId: user.id, handlerDepartment: null, label: user.displayName };
    }
    if (input.departmentCode) {
      const departmentName = await repo.departmentName(tx, input.departmentCode);
      if (departmentName === null)
        throw new AppError('handler_invalid', {
          reasonZh: `没有这个部门：${input.departmentCode}`,
          reasonEn: `unknown department ${input.departmentCode}`,
        });
      return { handlerUserId: null, handlerDepartment: input.departmentCode, label: departmentName };
    }
    return null;
  },
  apply: (c, input, handler, env) =>
    machineStep(
      c,
      input,
      { type: 'dispatch', handler: handler?.handlerUserId ?? handler?.handlerDepartment ?? '' },
      env,
      () => ({
        patch: {
          handlerUserId: handler?.handlerUserId ?? null,
          handlerDepartment: handler?.handlerDepartment ?? null,
          dispatchedAt: env.now,
          handleDueAt: dueAt(env.now, env.category.timeLimits.handle[c.urgency], env.officeHours),
        },
        data: handler?.label ? { handlerLabel: handler.label } : {},
      }),
    ),
  async notify(tx, c, _input, now) {
    await notifyReporter(tx, c, 'dispatch', c.state, now);
    await notifyHandlers(tx, c, `新任务 ${c.number}`, now);
  },
});
