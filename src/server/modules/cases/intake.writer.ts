/**
 * Writes reports in groups (group commit). Each report is validated, located and routed by the
 * intake service on its own; what reaches the writer is ready to insert. Reports that arrive while
 * earlier groups are being written go out together in one atomic statement: the cases, their
 * timelines, followers, outbox messages and audit rows, refused as a whole when a report turns out
 * to be a replay or over its submitter's hourly limit (then the group is checked and written again).
 * Every report still gets its own answer — its case, a replay, or its own error — and only after
 * the statement that wrote it has committed.
 */
import { randomUUID } from 'node:crypto';
import type { AuditRecord } from '../../platform/audit/audit-chain';
import { withAuditChain } from '../../platform/audit/audit.batch';
import { type Batcher, createBatcher, type Settled } from '../../platform/db/batcher';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { type CaseEventRow, type CaseRow, findCase, type NewCase } from './cases.repo';
import { formatCaseNumber, takeCaseSequences } from './case-numbers';
import { type CaseWrite, GROUP_NEEDS_CHECKS, insertCases, intakeChecks, type IntakeCheckResult } from './intake.repo';
import { triagersMessage } from './notify';

export interface PreparedReport {
  case: NewCase;
  /** Reporter, staff member entering it, or Open311 client: the scope of the Idempotency-Key. */
  submitter: string | null;
  /** The hourly per-person limit applies (people, not Open311 clients). */
  limited: boolean;
  event: Omit<CaseEventRow, 'id' | 'at'>;
  followerId: string | null;
  /** The audit record; its `after` gets the case number. */
  audit: Omit<AuditRecord, 'at' | 'entityId'>;
}

export interface Submitted { case: CaseRow; replayed: boolean }

/** Most reports one statement carries, and statements in flight (each holds one pool connection). */
const GROUP = { maxBatch: 256, maxInFlight: 1 };
/** Times a group is planned again when the database's checks disagree with what was known. */
const ATTEMPTS = 4;

type Outcome = Settled<Submitted> | { write: CaseWrite; report: PreparedReport } | { sameAs: number } | { replay: string };

const sameRequest = (a: PreparedReport, b: PreparedReport) => a.submitter !== null && a.submitter === b.submitter && a.case.idempotencyKey !== null && a.case.idempotencyKey === b.case.idempotencyKey;
const sqlState = (err: unknown) => (err as { code?: string } | undefined)?.code;
const since = (r: PreparedReport) => new Date(r.case.receivedAt.getTime() - 3_600_000);

/**
 * What to do with each report: write it, answer it as a replay (of an earlier case or of the same
 * request earlier in the group) or refuse it. Without `checks` (the optimistic first attempt) every
 * report is written and the statement itself checks replays and limits.
 */
async function plan(deps: Deps, reports: PreparedReport[], checks: IntakeCheckResult[] | null): Promise<Outcome[]> {
  const limit = deps.config.rateLimit.reportsPerPersonPerHour;
  const outcomes: (Outcome | { toWrite: number })[] = [];
  const counted = new Map<string, number>(); // reports written for each submitter in this group
  const toNumber: { id: string; report: PreparedReport; rank: number }[] = [];
  reports.forEach((r, i) => {
    const check = checks?.[i];
    const earlier = reports.findIndex((o, j) => j < i && sameRequest(o, r));
    if (check?.existingId) return outcomes.push({ replay: check.existingId });
    if (earlier >= 0) return outcomes.push({ sameAs: earlier });
    const mine = r.submitter ? (counted.get(r.submitter) ?? 0) : 0;
    if (r.limited && check && check.recent + mine >= limit) return outcomes.push({ ok: false, error: new AppError('rate_limited') });
    if (r.submitter) counted.set(r.submitter, mine + 1);
    return outcomes.push({ toWrite: toNumber.push({ id: randomUUID(), report: r, rank: mine + 1 }) - 1 });
  });
  const seqs = await takeCaseSequences(deps.db, toNumber.length);
  return outcomes.map((o) => {
    if (!('toWrite' in o)) return o;
    const { id, report: r, rank } = toNumber[o.toWrite];
    const number = formatCaseNumber(deps.config.countyCode, r.case.receivedAt, seqs[o.toWrite]);
    return {
      report: r,
      write: {
        id, number, case: r.case, event: { ...r.event, at: r.case.receivedAt }, followerId: r.followerId,
        outbox: triagersMessage({ id, number, title: r.case.title }),
        check: r.submitter ? { submitter: r.submitter, limited: r.limited, since: since(r), rank } : undefined,
      },
    };
  });
}

async function write(deps: Deps, outcomes: Outcome[]): Promise<Settled<Submitted>[]> {
  const toWrite = outcomes.flatMap((o) => ('write' in o ? [o] : []));
  const writes = toWrite.map((o) => o.write);
  const records = toWrite.map(({ write: w, report: r }) => ({ ...r.audit, at: r.case.receivedAt, entityId: w.id, after: { ...(r.audit.after as object), number: w.number } }));
  const created = writes.length
    ? await withAuditChain(deps.db, (seal) => insertCases(deps.db, writes, { limit: deps.config.rateLimit.reportsPerPersonPerHour, audit: seal(records) }))
    : [];
  const byWrite = new Map(writes.map((w, i) => [w, created[i]]));
  const settled: Settled<Submitted>[] = [];
  for (const o of outcomes) {
    if ('write' in o) settled.push({ ok: true, value: { case: byWrite.get(o.write)!, replayed: false } });
    else if ('replay' in o) settled.push({ ok: true, value: { case: (await findCase(deps.db, o.replay))!, replayed: true } });
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
  let checks: IntakeCheckResult[] | null = null;
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(deps, await plan(deps, reports, checks));
    } catch (err) {
      const code = sqlState(err);
      if ((code !== GROUP_NEEDS_CHECKS && code !== '23505') || attempt >= ATTEMPTS) throw err;
      checks = await intakeChecks(deps.db, reports.map((r) => ({ submitter: r.submitter, idempotencyKey: r.case.idempotencyKey, since: since(r) })),
        deps.config.rateLimit.reportsPerPersonPerHour);
    }
  }
}

const writers = new WeakMap<Deps, Batcher<PreparedReport, Submitted>>();

export function writeReport(deps: Deps, report: PreparedReport): Promise<Submitted> {
  let w = writers.get(deps);
  if (!w) writers.set(deps, (w = createBatcher((reports: PreparedReport[]) => flush(deps, reports), GROUP)));
  return w.submit(report);
}
