/**
 * Writes reports in groups (group commit). Each report is validated, located and routed by the
 * intake service on its own; what reaches the writer is ready to insert. Reports that arrive while
 * earlier groups are being written go out together in one atomic statement: the cases, their
 * timelines, followers, outbox messages and audit rows, refused as a whole when a report turns out
 * to be a replay or over its submitter's hourly limit (then the group is checked and written again).
 * Every report still gets its own answer — its case, a replay, or its own error — and only after
 * the statement that wrote it has committed. A report the database would refuse never joins a
 * group (prepareCase finds it); should a group statement still fail for a reason that is not
 * contention, the group is split until each bad report fails alone and the others are written.
 */
import { MOVED_ON, type PreparedAudit, withAuditChain } from '../../platform/audit/audit.batch';
import { type Batcher, createBatcher, type Settled } from '../../platform/db/batcher';
import { isUnavailableError } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { fieldProblemError } from '../../platform/text';
import { type CaseRow, findCase } from './cases.repo';
import {
  GROUP_NEEDS_CHECKS,
  insertCases,
  intakeChecks,
  type IntakeCheckResult,
  limitWindowStart,
  type PreparedCase,
} from './intake.repo';

/** A report ready to insert: validated, routed, numbered, with its statement input and audit body built. */
export interface PreparedReport {
  write: PreparedCase;
  /** Reporter, staff member entering it, or Open311 client: the scope of the Idempotency-Key. */
  submitter: string | null;
  idempotencyKey: string | null;
  /** The hourly per-person limit applies (people, not Open311 clients). */
  limited: boolean;
  audit: PreparedAudit;
}

export interface Submitted {
  case: CaseRow;
  replayed: boolean;
}

/**
 * Most reports one statement carries, and statements in flight: one, so that groups fill up while
 * it runs (concurrent writers measured slower: they contend for the same category and division
 * rows, which every case's foreign keys share-lock).
 */
const GROUP = { maxBatch: 256, maxInFlight: 1, splitOn: (err: unknown) => !groupWide(err) };
/** Times a group is planned again when the database's checks disagree with what was known. */
const ATTEMPTS = 4;

type Outcome = Settled<Submitted> | { write: PreparedReport; rank: number } | { sameAs: number } | { replay: string };

const sameRequest = (a: PreparedReport, b: PreparedReport) =>
  a.submitter !== null &&
  a.submitter === b.submitter &&
  a.idempotencyKey !== null &&
  a.idempotencyKey === b.idempotencyKey;
const sqlState = (err: unknown) => (err as { code?: string } | undefined)?.code;

/**
 * Failures no one report causes, which splitting the group would not cure: the audit chain or the
 * checks kept moving (CC001, CC002 after their retries), serialisation, deadlock, lock or statement
 * timeouts, and the database going away.
 */
const GROUP_WIDE = new Set([MOVED_ON, GROUP_NEEDS_CHECKS, '40001', '40P01', '55P03', '57014']);
const groupWide = (err: unknown) => GROUP_WIDE.has(sqlState(err) ?? '') || isUnavailableError(err);

/**
 * What to do with each report: write it, answer it as a replay (of an earlier case or of the same
 * request earlier in the group) or refuse it. Without `checks` (the optimistic first attempt) every
 * report is written and the statement itself checks replays and limits.
 */
function plan(limit: number, reports: PreparedReport[], checks: IntakeCheckResult[] | null): Outcome[] {
  const counted = new Map<string, number>(); // reports written for each submitter in this group
  return reports.map((r, i): Outcome => {
    const check = checks?.[i];
    if (check?.existingId) return { replay: check.existingId };
    const earlier = reports.findIndex((o, j) => j < i && sameRequest(o, r));
    if (earlier >= 0) return { sameAs: earlier };
    const mine = r.submitter ? (counted.get(r.submitter) ?? 0) : 0;
    if (r.limited && check && check.recent + mine >= limit) return { ok: false, error: new AppError('rate_limited') };
    if (r.submitter) counted.set(r.submitter, mine + 1);
    return { write: r, rank: mine + 1 };
  });
}

async function write(deps: Deps, outcomes: Outcome[]): Promise<Settled<Submitted>[]> {
  const writes = outcomes.flatMap((o) =>
    'write' in o ? [{ prepared: o.write.write, rank: o.rank, audit: o.write.audit }] : [],
  );
  if (writes.length) {
    await withAuditChain(deps.db, (seal) =>
      insertCases(deps.db, writes, {
        limit: deps.config.rateLimit.reportsPerPersonPerHour,
        audit: seal(writes.map((w) => w.audit)),
      }),
    );
  }
  const settled: Settled<Submitted>[] = [];
  for (const o of outcomes) {
    if ('write' in o) settled.push({ ok: true, value: { case: o.write.write.row, replayed: false } });
    else if ('replay' in o)
      settled.push({ ok: true, value: { case: (await findCase(deps.db, o.replay))!, replayed: true } });
    else if ('sameAs' in o) {
      const first = settled[o.sameAs];
      settled.push(first.ok ? { ok: true, value: { case: first.value.case, replayed: true } } : first);
    } else settled.push(o);
  }
  return settled;
}

/**
 * One group: first written as if no report were a replay or over a limit (one statement); when the
 * statement refuses, or another group took the same Idempotency-Key meanwhile (unique index), the
 * group is checked (one more statement) and planned again.
 */
async function flush(deps: Deps, reports: PreparedReport[]): Promise<Settled<Submitted>[]> {
  const limit = deps.config.rateLimit.reportsPerPersonPerHour;
  let checks: IntakeCheckResult[] | null = null;
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(deps, plan(limit, reports, checks));
    } catch (err) {
      const code = sqlState(err);
      if ((code !== GROUP_NEEDS_CHECKS && code !== '23505') || attempt >= ATTEMPTS) throw err;
      checks = await intakeChecks(
        deps.db,
        reports.map((r) => ({
          submitter: r.submitter,
          idempotencyKey: r.idempotencyKey,
          since: limitWindowStart(r.write.row.receivedAt),
        })),
        limit,
      );
    }
  }
}

const writers = new WeakMap<Deps, Batcher<PreparedReport, Submitted>>();

export function writeReport(deps: Deps, report: PreparedReport): Promise<Submitted> {
  if (report.write.problem) return Promise.reject(fieldProblemError(report.write.problem));
  let w = writers.get(deps);
  if (!w) writers.set(deps, (w = createBatcher((reports: PreparedReport[]) => flush(deps, reports), GROUP)));
  return w.submit(report);
}
