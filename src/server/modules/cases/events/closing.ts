/** Closing the loop: verify (核查, 结案 or rework), rate (评价), reopen (返工, the reporter), and supervision (督办). */
import Type from 'typebox';
import { isOpen } from '../case-machine';
import { canVerify, isReporter, isSupervisor } from '../cases.policy';
import { notifyHandlers, notifyReporter } from '../notify';
import { command, machineStep, Note, noteBody } from './command';
import { Closed } from '../../../platform/http/schema-helpers';

export const verify = command({
  type: 'verify',
  schema: Type.Object({ type: Type.Literal('verify'), passed: Type.Boolean(), note: Note }, Closed),
  public: true,
  authorise: canVerify,
  apply: (c, input, _r, env) =>
    machineStep(c, input, { type: 'verify', passed: input.passed, note: input.note }, env, () => ({
      patch: input.passed ? { closedAt: env.now, closedOnTime: c.handleDueAt ? env.now <= c.handleDueAt : null } : {},
    })),
  async notify(tx, c, input, now) {
    await notifyReporter(tx, c, 'verify', c.state, now);
    if (!input.passed) await notifyHandlers(tx, c, `核查未通过，请返工 ${c.number}`, now);
  },
});

export const rate = command({
  type: 'rate',
  schema: Type.Object(
    {
      type: Type.Literal('rate'),
      score: Type.Integer({ minimum: 1, maximum: 5 }),
      comment: Type.Optional(Type.String({ maxLength: 500 })),
    },
    Closed,
  ),
  public: true,
  authorise: isReporter,
  apply: (c, input, _r, env) =>
    machineStep(c, input, { type: 'rate', score: input.score, comment: input.comment ?? '' }, env, () => ({
      patch: { rating: input.score, ratingComment: input.comment?.trim() || null },
      note: input.comment ?? null,
    })),
});

/** The reporter is not satisfied (within the window): handled again, the result and rating cleared. */
export const reopen = command({
  type: 'reopen',
  schema: noteBody('reopen'),
  public: true,
  authorise: isReporter,
  apply: (c, input, _r, env) =>
    machineStep(c, input, { type: 'reopen', reason: input.note }, env, () => ({
      patch: { closedAt: null, closedOnTime: null, rating: null, ratingComment: null, feedbackAt: null },
    })),
  async notify(tx, c, _input, now) {
    await notifyReporter(tx, c, 'reopen', c.state, now);
    await notifyHandlers(tx, c, `群众不满意，重新办理 ${c.number}`, now);
  },
});

/** 督办: an overlay with its own deadline, by town and county officers, on an open case. */
export const supervise = command({
  type: 'supervise',
  schema: Type.Object(
    { type: Type.Literal('supervise'), note: Note, due: Type.String({ format: 'date-time' }) },
    Closed,
  ),
  public: false,
  authorise: (actor, c) => isSupervisor(actor, c) && isOpen(c.state),
  apply: (c, input, _r, env) =>
    machineStep(c, input, { type: 'supervise', note: input.note, due: new Date(input.due) }, env, () => ({
      patch: { supervised: true, supervisionDueAt: new Date(input.due) },
    })),
  notify: (tx, c, _input, now) => notifyHandlers(tx, c, `督办 ${c.number}`, now),
});
