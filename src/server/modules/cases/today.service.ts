/** The cases module's part of the console home (今日待办): the actor's queues counted in one query. */
import type { UserActor } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import type { TodayCount } from '../../today/today.schema';
import { TODAY_LABELS } from './cases.labels';
import { queueScopeOf } from './case-list.service';
import { countQueueCases } from './queues.repo';
import { TODAY_LINKS, TODAY_URGENCY, todayQueues } from './today.policy';

/** Case counts come first on the home (orders 10…); other modules count from 100. */
const FIRST = 10;

export async function casesToday(deps: Deps, actor: UserActor): Promise<TodayCount[]> {
  const queues = todayQueues(actor);
  if (!queues.length) return [];
  const counts = await countQueueCases(deps.db, queues, queueScopeOf(actor, deps.clock.now()));
  return queues.map((k, i) => ({
    key: `cases.${k}`,
    count: counts[k],
    ...TODAY_LABELS[k],
    link: TODAY_LINKS[k],
    tone: TODAY_URGENCY[k],
    order: FIRST + i,
  }));
}
