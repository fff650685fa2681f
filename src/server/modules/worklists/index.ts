/**
 * The three lists (三个清单: problems → tasks → effects): other modules import only from here.
 * `createProblem(tx, actor, input, now)` lists a problem inside the caller's transaction (care's
 * visits use it; deliberation's meetings, beehive's circle gaps and the case loop are meant to).
 */
export { addTaskIn, createProblem, type ProblemInput } from './worklists.service';
export { latestProblemFor, openProblemsFor, residentUserOf } from './worklists.repo';
export { PROBLEM_SOURCES, RESULT_KINDS, type ProblemSource, type ResultKind } from './worklists.labels';
export { NewTask } from './worklists.schema';
