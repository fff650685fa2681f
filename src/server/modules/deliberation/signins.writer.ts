/**
 * Group commit of code sign-ins (platform/db/batcher): each sign-in by code submits one item and
 * waits for its own verdict; the sign-ins that arrive while a group is being written go out together
 * in one transaction — the attendance in one statement (signins.repo signInGroup), the audit rows
 * of those actually recorded sealed as a batch on one chain (audit.batch) — and the quorum is read
 * once per group after its commit, for every sign-in of the group. A burst of 50 a second then
 * costs a few transactions, one audit chain lock each and a few roster aggregates, instead of 50 of
 * each. A group the database refuses for a reason other than being away is split until the bad
 * sign-in fails alone.
 */
import { type PreparedAudit, withAuditChain } from '../../platform/audit/audit.batch';
import { type Batcher, createBatcher } from '../../platform/db/batcher';
import { type Database, isUnavailableError } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import type { MeetingType, OwnRule } from './deliberation.labels';
import { turnout } from './meetings.repo';
import { quorum, type RuleResult } from './quorum.domain';
import { type GroupSignIn, type GroupVerdict, insertSealedAudit, signInGroup } from './signins.repo';

export interface CodeSignInItem extends GroupSignIn {
  meetingType: MeetingType;
  ownRule: OwnRule | null;
  /** The audit row, written only when this sign-in is the one that records the person. */
  audit: PreparedAudit;
}

export type CodeSignInOutcome = GroupVerdict & { quorum: RuleResult };

async function flush(db: Database, items: CodeSignInItem[]): Promise<CodeSignInOutcome[]> {
  const verdicts = await withAuditChain(db, (seal) =>
    db.transaction(async (tx) => {
      const v = await signInGroup(tx, items);
      const recorded = items.filter((_, i) => v[i].kind === 'signed_in').map((s) => s.audit);
      if (recorded.length) await insertSealedAudit(tx, seal(recorded));
      return v;
    }),
  );
  // after the commit: one roster aggregate per meeting of the group, shared by its sign-ins
  const quorums = new Map<string, RuleResult>();
  for (const s of items)
    if (!quorums.has(s.meetingId))
      quorums.set(s.meetingId, quorum(s.meetingType, await turnout(db, s.meetingId), 'ordinary', s.ownRule));
  return items.map((s, i) => ({ ...verdicts[i], quorum: quorums.get(s.meetingId)! }));
}

const writers = new WeakMap<Database, Batcher<CodeSignInItem, CodeSignInOutcome>>();

export function submitCodeSignIn(deps: Deps, item: CodeSignInItem): Promise<CodeSignInOutcome> {
  let w = writers.get(deps.db);
  if (!w) {
    const db = deps.db;
    w = createBatcher(
      async (items: CodeSignInItem[]) => (await flush(db, items)).map((value) => ({ ok: true as const, value })),
      { maxBatch: 500, maxInFlight: 2, moreInFlightFrom: 50, splitOn: (e) => !isUnavailableError(e) },
    );
    writers.set(deps.db, w);
  }
  return w.submit(item);
}

/** The writer's counters (flushes, items) on this database, for tests and metrics; null before its first sign-in. */
export const codeSignInStats = (deps: Deps) => writers.get(deps.db)?.stats ?? null;
