/**
 * The running outbox (loaded only when needed: the report page saving a draft, 我的上报, or the app
 * finding drafts left from before): sends due drafts now, again when the phone comes online, and on
 * a timer for the backoff; tells its listeners when a draft changes.
 */
import { api } from '../../shared/api';
import { uploadStagedPhoto } from '../../shared/photo-upload';
import { markOutboxPending } from './flag';
import { type Draft, flush, type OutboxIo, recover, retryNow } from './queue';

export { newDraft } from './queue';
import { idbStore as store } from './store';

const io: OutboxIo = {
  uploadPhoto: async (blob, type) => (await uploadStagedPhoto(blob, type)).id,
  postReport: (body, key) =>
    api.postWith<{ id: string; number: string }>('/api/cases', body, { 'Idempotency-Key': key }),
};

const ENV = { now: Date.now, online: () => navigator.onLine };

const listeners = new Set<() => void>();
let userId: string | null = null;
let running: Promise<void> | null = null;
let again = false;
let timer: ReturnType<typeof setTimeout> | undefined;

const notify = () => {
  for (const l of listeners) l();
};

/** The outbox tells `fn` whenever a draft changes; returns the unsubscribe. */
export function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export async function listDrafts(of: string): Promise<Draft[]> {
  return (await store.all()).filter((d) => d.userId === of).sort((a, b) => b.createdAt - a.createdAt);
}

/** One flush at a time; a request during one runs another right after it. */
function sendNow(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  const uid = userId;
  if (!uid) return Promise.resolve();
  const tracked = {
    ...store,
    put: async (d: Draft) => {
      await store.put(d);
      notify();
    },
  };
  running = (async () => {
    do {
      again = false;
      const wake = await flush(tracked, io, uid, ENV).catch(() => null);
      clearTimeout(timer);
      if (wake !== null)
        timer = setTimeout(() => void sendNow(), Math.max(navigator.onLine ? 1_000 : 30_000, wake - Date.now()));
      const left = (await store.all()).some((d) => d.userId === uid && d.state !== 'sent');
      markOutboxPending(left);
    } while (again);
  })().finally(() => {
    running = null;
    notify();
  });
  return running;
}

let started = false;
/** Starts sending `uid`'s drafts: now (those left mid-send first recovered), on every `online`, on the backoff timer. */
export async function startOutbox(uid: string): Promise<void> {
  userId = uid;
  if (!started) {
    started = true;
    window.addEventListener('online', () => void sendNow());
    for (const d of await store.all()) {
      const r = recover(d, Date.now());
      if (r !== d) await store.put(r);
    }
  }
  await sendNow();
}

/** Keeps a report written without network; it goes when the network is back. */
export async function saveDraft(d: Draft): Promise<void> {
  await store.put(d);
  markOutboxPending(true);
  notify();
  void startOutbox(d.userId);
}

/** The resident taps 重新发送 on a refused (or waiting) draft. */
export async function resend(key: string): Promise<void> {
  const d = (await store.all()).find((x) => x.key === key);
  if (!d) return;
  await store.put(retryNow(d, Date.now()));
  notify();
  await sendNow();
}
