/**
 * Group commit of online votes (platform/db/batcher): each vote request submits one item and waits
 * for its own verdict; the votes that arrive while a group statement runs are written together by
 * the next one (votes.repo castOnlineGroup). A group the database refuses for a reason other than
 * being away is split until the bad vote fails alone.
 */
import { type Batcher, createBatcher } from '../../platform/db/batcher';
import { isUnavailableError } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { castOnlineGroup, type OnlineVote, type VoteVerdict } from './votes.repo';

const writers = new WeakMap<Deps['db'], Batcher<OnlineVote, VoteVerdict>>();

export function submitVote(deps: Deps, vote: OnlineVote): Promise<VoteVerdict> {
  let w = writers.get(deps.db);
  if (!w) {
    w = createBatcher(
      async (votes: OnlineVote[]) =>
        (await castOnlineGroup(deps.db, votes)).map((value) => ({ ok: true as const, value })),
      { maxBatch: 500, maxInFlight: 2, moreInFlightFrom: 50, splitOn: (e) => !isUnavailableError(e) },
    );
    writers.set(deps.db, w);
  }
  return w.submit(vote);
}
