/**
 * Handling (处置): accept (签收), send back (退回), progress notes, suspension (缓办: request,
 * approve or deny, resume) and feedback (反馈) for verification.
 */
import Type from 'typebox';
import { isHandler, isSupervisor } from '../cases.policy';
import { notifyReporter, notifyVerifiers } from '../notify';
import { command, machineStep, Note, noteBody, optionalNoteBody } from './command';
import { Closed } from '../../../platform/http/schema-helpers';

export const accept = command({
  type: 'accept',
  schema: optionalNoteBody('accept'),
  public: true,
  authorise: isHandler,
  apply: (c, input, _r, env) => machineStep(c, input, { type: 'accept' }, env),
});

/** Not the handler's: back to dispatch, without a handler. */
export const sendBack = command({
  type: 'send_back',
  schema: noteBody('send_back'),
  public: false,
  authorise: isHandler,
  apply: (c, input, _r, env) =>
    machineStep(c, input, { type: 'send_back', reason: input.note }, env, () => ({
      patch: { handlerUserId: null, handlerDepartment: null },
    })),
});

export const progress = command({
  type: 'progress',
  schema: noteBody('progress'),
  public: true,
  authorise: isHandler,
  apply: (c, input, _r, env) => machineStep(c, input, { type: 'progress', note: input.note }, env),
  notify: (tx, c, _input, now) => notifyReporter(tx, c, 'progress', c.state, now),
});

export const requestSuspension = command({
  type: 'request_suspension',
  schema: Type.Object(
    { type: Type.Literal('request_suspension'), note: Note, until: Type.String({ format: 'date-time' }) },
    Closed,
  ),
  public: true,
  authorise: isHandler,
  apply: (c, input, _r, env) =>
    machineStep(c, input, { type: 'request_suspension', reason: input.note, until: new Date(input.until) }, env),
});

export const approveSuspension = command({
  type: 'approve_suspension',
  schema: optionalNoteBody('approve_suspension'),
  public: false,
  authorise: isSupervisor,
  apply: (c, input, _r, env) =>
    machineStep(c, input, { type: 'approve_suspension' }, env, () => ({
      patch: { suspended: true, everSuspended: true },
    })),
});

export const denySuspension = command({
  type: 'deny_suspension',
  schema: optionalNoteBody('deny_suspension'),
  public: false,
  authorise: isSupervisor,
  apply: (c, input, _r, env) => machineStep(c, input, { type: 'deny_suspension' }, env),
});

export const resume = command({
  type: 'resume',
  schema: optionalNoteBody('resume'),
  public: true,
  authorise: isSupervisor,
  apply: (c, input, _r, env) => machineStep(c, input, { type: 'resume' }, env, () => ({ patch: { suspended: false } })),
});

/** Done: the reporter hears, the verifiers are asked to check (核查). */
export const feedback = command({
  type: 'feedback',
  schema: noteBody('feedback'),
  public: true,
  authorise: isHandler,
  apply: (c, input, _r, env) =>
    machineStep(c, input, { type: 'feedback', note: input.note }, env, () => ({ patch: { feedbackAt: env.now } })),
  async notify(tx, c, _input, now) {
    await notifyReporter(tx, c, 'feedback', c.state, now);
    await notifyVerifiers(tx, c, now);
  },
});
