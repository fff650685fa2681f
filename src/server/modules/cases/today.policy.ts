/**
 * Which case counts the console home shows an actor, most pressing first for their roles: a
 * dispatcher (town or county officer) triage first; a grid worker or village officer their tasks and
 * verifications; a department handler their tasks. Each count is shown only with the capability that
 * shows its list's menu entry (capabilities.policy), so a link never leads to a page the actor lacks.
 */
import type { Actor } from '../../platform/actor';
import { type Capability, hasRole } from '../access';
import { caseCapabilities } from './capabilities.policy';
import type { OpenQueueCount } from './queues.repo';

const GATE: Record<OpenQueueCount, Capability> = {
  triage: 'cases.triage',
  tasks: 'cases.handle',
  tasks_overdue: 'cases.handle',
  verify: 'cases.verify',
  overdue: 'cases.supervise',
  due_soon: 'cases.supervise',
  supervised: 'cases.supervise',
};

const DISPATCHER_ORDER: readonly OpenQueueCount[] = [
  'triage',
  'overdue',
  'due_soon',
  'verify',
  'supervised',
  'tasks',
  'tasks_overdue',
];
const FRONTLINE_ORDER: readonly OpenQueueCount[] = [
  'tasks',
  'tasks_overdue',
  'verify',
  'triage',
  'overdue',
  'due_soon',
  'supervised',
];

/** The counts the actor's roles give them, in the order the home shows them. */
export function todayQueues(actor: Actor): OpenQueueCount[] {
  const caps = new Set(caseCapabilities(actor));
  const dispatcher = hasRole(actor, 'town_officer') || hasRole(actor, 'county_officer');
  return (dispatcher ? DISPATCHER_ORDER : FRONTLINE_ORDER).filter((k) => caps.has(GATE[k]));
}

/** The console list behind each count, with the filter that reproduces it. */
export const TODAY_LINKS: Record<OpenQueueCount, string> = {
  triage: '/triage',
  tasks: '/tasks',
  tasks_overdue: '/tasks',
  verify: '/verify',
  overdue: '/supervision?tab=overdue',
  due_soon: '/supervision?tab=due_soon',
  supervised: '/supervision?tab=supervised',
};

/** How a non-zero count reads (zero is always calm). */
export const TODAY_URGENCY: Record<OpenQueueCount, 'work' | 'warning' | 'danger'> = {
  triage: 'work',
  tasks: 'work',
  tasks_overdue: 'danger',
  verify: 'work',
  overdue: 'danger',
  due_soon: 'warning',
  supervised: 'work',
};
