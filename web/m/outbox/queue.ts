/**
 * The outbox of reports written without network (issue #11): pure rules of what is sent when and
 * what a draft's state is; storage (IndexedDB) and the network are handed in. A draft keeps the
 * report form's Idempotency-Key for its whole life, so however often it is retried — after a lost
 * answer, from two tabs, after the app was closed mid-send — the server creates one case.
 *
 *   waiting ──send──▶ sending ──answer──▶ sent (with the case's number)
 *      ▲                 │
 *      └─ network/5xx ───┤ (retried later: backoff; at once when the phone is online again)
 *                        └─ refused by the server (4xx): refused, with its message; the resident may retry
 */

export type DraftState = 'waiting' | 'sending' | 'sent' | 'refused';

/** A photo of the draft: its blob until sent; its staged id once uploaded (not uploaded twice). */
export interface DraftPhoto {
  blob: Blob | null;
  type: string;
  stagedId: string | null;
}

export interface Draft {
  /** The report's Idempotency-Key (also the draft's key in the store). */
  key: string;
  userId: string;
  createdAt: number;
  /** POST /api/cases's body without photoIds (filled from the photos when sent). */
  body: Record<string, unknown>;
  /** What the list shows (the problem's word and the description's start). */
  title: string;
  photos: DraftPhoto[];
  state: DraftState;
  attempts: number;
  nextAttemptAt: number;
  caseId?: string;
  number?: string;
  error?: string;
  sentAt?: number;
}

export interface DraftStore {
  all(): Promise<Draft[]>;
  put(d: Draft): Promise<void>;
  remove(key: string): Promise<void>;
}

/** An error as the sender sees it: HTTP status (0: no network) and the API's code. */
export interface SendError {
  status: number;
  code: string;
  message: string;
}

export interface OutboxIo {
  uploadPhoto(blob: Blob, type: string): Promise<string>;
  postReport(body: Record<string, unknown>, idempotencyKey: string): Promise<{ id: string; number: string }>;
}

/** Waits between attempts: 5 s, 15 s, 1 min, then every 5 min (and at once when the phone comes online). */
const BACKOFF_MS = [5_000, 15_000, 60_000, 300_000];
export const backoffMs = (attempts: number) => BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length) - 1] ?? 0;

/** Sent drafts are shown (with their number) for a week, then forgotten: the case is in 我的上报 anyway. */
export const KEEP_SENT_MS = 7 * 24 * 3_600_000;

export function newDraft(input: {
  key: string;
  userId: string;
  body: Record<string, unknown>;
  title: string;
  photos: DraftPhoto[];
  now: number;
}): Draft {
  const { now, ...rest } = input;
  return { ...rest, createdAt: now, state: 'waiting', attempts: 0, nextAttemptAt: now };
}

/** Worth trying again: no network, the server busy or failing, the request timed out. */
export const isTransient = (e: SendError) => e.status === 0 || e.status >= 500 || e.status === 408 || e.status === 429;

/** A staged photo not found any more (staged photos are removed after a day): upload it again. */
const isStagedPhotoGone = (e: SendError) => e.code === 'photo_expired';

/** A draft left `sending` (the app was closed during a send) is waiting again, due now. */
export function recover(d: Draft, now: number): Draft {
  return d.state === 'sending' ? { ...d, state: 'waiting', nextAttemptAt: now } : d;
}

/** The user's drafts to send now, oldest first. */
export function dueDrafts(drafts: readonly Draft[], userId: string, now: number): Draft[] {
  return drafts
    .filter((d) => d.userId === userId && d.state === 'waiting' && d.nextAttemptAt <= now)
    .sort((a, b) => a.createdAt - b.createdAt);
}

/** When the next waiting draft of the user falls due (null: none waiting). */
export function nextWake(drafts: readonly Draft[], userId: string): number | null {
  const times = drafts.filter((d) => d.userId === userId && d.state === 'waiting').map((d) => d.nextAttemptAt);
  return times.length ? Math.min(...times) : null;
}

export function failed(d: Draft, e: SendError, now: number): Draft {
  if (isStagedPhotoGone(e))
    return { ...d, state: 'waiting', nextAttemptAt: now, photos: d.photos.map((p) => ({ ...p, stagedId: null })) };
  if (isTransient(e)) {
    const attempts = d.attempts + 1;
    return { ...d, state: 'waiting', attempts, nextAttemptAt: now + backoffMs(attempts), error: e.message };
  }
  return { ...d, state: 'refused', error: e.message };
}

export function sent(d: Draft, c: { id: string; number: string }, now: number): Draft {
  return {
    ...d,
    state: 'sent',
    caseId: c.id,
    number: c.number,
    sentAt: now,
    error: undefined,
    photos: d.photos.map((p) => ({ ...p, blob: null })), // the case has them now
  };
}

/** The resident asks again for a refused draft (or a waiting one, now). */
export const retryNow = (d: Draft, now: number): Draft =>
  d.state === 'sent' ? d : { ...d, state: 'waiting', nextAttemptAt: now, error: undefined };

export function toSendError(e: unknown): SendError {
  const x = e as Partial<SendError> | null;
  return {
    status: typeof x?.status === 'number' ? x.status : 0,
    code: typeof x?.code === 'string' ? x.code : 'network_error',
    message: e instanceof Error ? e.message : String(e),
  };
}

/**
 * Sends one draft: its photos not yet uploaded (each kept as staged once it is), then the report with
 * the draft's Idempotency-Key. Every step is written to the store before the next, so a send cut
 * short resumes where it stopped. Returns the draft as it ends.
 */
export async function sendDraft(d0: Draft, io: OutboxIo, store: DraftStore, now: () => number): Promise<Draft> {
  let d: Draft = { ...d0, state: 'sending' };
  await store.put(d);
  try {
    for (let i = 0; i < d.photos.length; i++) {
      const p = d.photos[i];
      if (p.stagedId || !p.blob) continue;
      const stagedId = await io.uploadPhoto(p.blob, p.type);
      d = { ...d, photos: d.photos.map((q, j) => (j === i ? { ...q, stagedId } : q)) };
      await store.put(d);
    }
    const photoIds = d.photos.map((p) => p.stagedId).filter((x): x is string => !!x);
    const c = await io.postReport({ ...d.body, photoIds }, d.key);
    d = sent(d, c, now());
  } catch (e) {
    d = failed(d, toSendError(e), now());
  }
  await store.put(d);
  return d;
}

/** The clock and the phone's idea of whether it is online (navigator.onLine). */
export interface Env {
  now(): number;
  online(): boolean;
}

/**
 * Sends the user's due drafts one after another (none while the phone says it is offline: the
 * `online` event flushes again); forgets sent ones past KEEP_SENT_MS. Returns the next wake time.
 */
export async function flush(store: DraftStore, io: OutboxIo, userId: string, env: Env): Promise<number | null> {
  const now = env.now;
  for (const d of await store.all()) {
    if (d.state === 'sent' && now() - (d.sentAt ?? 0) > KEEP_SENT_MS) await store.remove(d.key);
  }
  if (!env.online()) return nextWake(await store.all(), userId);
  for (const d of dueDrafts(await store.all(), userId, now())) {
    const result = await sendDraft(d, io, store, now);
    if (result.state === 'waiting' && result.attempts > d.attempts) break; // the network failed: the others would fail the same way; wait for it
  }
  return nextWake(await store.all(), userId);
}
