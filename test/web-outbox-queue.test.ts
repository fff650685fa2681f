/**
 * The resident app's outbox (web/m/outbox/queue.ts): what is sent when, the states a draft goes
 * through, and that retries never make a second case (against a server that honours the
 * Idempotency-Key as POST /api/cases does, and loses answers or the network on demand).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type Draft,
  type DraftStore,
  dueDrafts,
  flush,
  newDraft,
  type OutboxIo,
  recover,
  retryNow,
  sendDraft,
} from '../web/m/outbox/queue';

class MemoryStore implements DraftStore {
  map = new Map<string, Draft>();
  states: string[] = [];
  async all() {
    return [...this.map.values()];
  }
  async put(d: Draft) {
    this.map.set(d.key, d);
    this.states.push(`${d.key}:${d.state}`);
  }
  async remove(key: string) {
    this.map.delete(key);
  }
}

/** A server: cases by Idempotency-Key (a replay answers the first case), staged photos, failures on demand. */
class FakeServer implements OutboxIo {
  cases = new Map<string, { id: string; number: string; photoIds: unknown }>();
  uploads = 0;
  offline = false;
  /** The case is made but the answer is lost (the phone's connection drops on the way back). */
  loseNextAnswer = false;
  refuse: { status: number; code: string } | null = null;
  async uploadPhoto() {
    if (this.offline) throw Object.assign(new Error('无法连接服务器'), { status: 0, code: 'network_error' });
    return `staged-${++this.uploads}`;
  }
  async postReport(body: Record<string, unknown>, key: string) {
    if (this.offline) throw Object.assign(new Error('无法连接服务器'), { status: 0, code: 'network_error' });
    if (this.refuse) throw Object.assign(new Error('refused'), this.refuse);
    let c = this.cases.get(key);
    if (!c) {
      c = { id: `case-${this.cases.size + 1}`, number: `SS2026${this.cases.size + 1}`, photoIds: body.photoIds };
      this.cases.set(key, c);
    }
    if (this.loseNextAnswer) {
      this.loseNextAnswer = false;
      throw Object.assign(new Error('无法连接服务器'), { status: 0, code: 'network_error' });
    }
    return { id: c.id, number: c.number };
  }
}

let t = 1_000_000;
const env = { now: () => t, online: () => true };
const photo = () => ({ blob: new Blob(['jpeg']), type: 'image/jpeg', stagedId: null });
const draft = (key: string, userId = 'u1', photos = [photo()]) =>
  newDraft({
    key,
    userId,
    body: { description: '路灯不亮', categoryCode: '01037' },
    title: '路灯不亮',
    photos,
    now: t,
  });

let store: MemoryStore;
let server: FakeServer;
beforeEach(() => {
  store = new MemoryStore();
  server = new FakeServer();
  t = 1_000_000;
});

describe('outbox', () => {
  it('sends a waiting draft: photos first, then the report naming them; sent with the case number', async () => {
    await store.put(draft('k1'));
    await flush(store, server, 'u1', env);
    const d = store.map.get('k1')!;
    expect(d).toMatchObject({ state: 'sent', caseId: 'case-1', number: 'SS20261' });
    expect(d.photos[0]).toEqual({ blob: null, type: 'image/jpeg', stagedId: 'staged-1' });
    expect(server.cases.get('k1')!.photoIds).toEqual(['staged-1']);
    expect(store.states).toEqual(['k1:waiting', 'k1:sending', 'k1:sending', 'k1:sent']);
  });

  it('sends nothing while the phone is offline, and the draft stays 待发送', async () => {
    await store.put(draft('k1'));
    await flush(store, server, 'u1', { ...env, online: () => false });
    expect(store.map.get('k1')!.state).toBe('waiting');
    expect(server.uploads).toBe(0);
  });

  it('keeps a draft waiting with backoff when the network fails, and sends it once when it is due', async () => {
    await store.put(draft('k1'));
    server.offline = true; // navigator.onLine lied (lie-fi)
    const wake = await flush(store, server, 'u1', env);
    expect(store.map.get('k1')).toMatchObject({ state: 'waiting', attempts: 1 });
    expect(wake).toBe(t + 5_000);
    server.offline = false;
    await flush(store, server, 'u1', env); // not due yet
    expect(server.cases.size).toBe(0);
    t += 5_000;
    await flush(store, server, 'u1', env);
    expect(store.map.get('k1')!.state).toBe('sent');
    expect(server.cases.size).toBe(1);
  });

  it('makes one case when the answer was lost and the draft is sent again (same Idempotency-Key), photos not re-uploaded', async () => {
    await store.put(draft('k1'));
    server.loseNextAnswer = true;
    await flush(store, server, 'u1', env);
    expect(store.map.get('k1')).toMatchObject({ state: 'waiting' });
    expect(store.map.get('k1')!.photos[0].stagedId).toBe('staged-1');
    t += 5_000;
    await flush(store, server, 'u1', env);
    expect(server.cases.size).toBe(1);
    expect(server.uploads).toBe(1);
    expect(store.map.get('k1')).toMatchObject({ state: 'sent', number: 'SS20261' });
  });

  it('two tabs sending the same draft at once still make one case', async () => {
    await store.put(draft('k1'));
    await Promise.all([flush(store, server, 'u1', env), flush(store, server, 'u1', env)]);
    expect(server.cases.size).toBe(1);
  });

  it('marks a draft the server refuses (4xx) as refused with the message; the resident may send it again', async () => {
    await store.put(draft('k1'));
    server.refuse = { status: 422, code: 'outside_county' };
    await flush(store, server, 'u1', env);
    expect(store.map.get('k1')).toMatchObject({ state: 'refused', error: 'refused' });
    t += 3_600_000;
    await flush(store, server, 'u1', env); // not retried by itself
    expect(store.map.get('k1')!.state).toBe('refused');
    server.refuse = null;
    await store.put(retryNow(store.map.get('k1')!, t));
    await flush(store, server, 'u1', env);
    expect(store.map.get('k1')!.state).toBe('sent');
  });

  it('uploads the photos again when the staged ones expired', async () => {
    const d = { ...draft('k1'), photos: [{ ...photo(), stagedId: 'old' }] };
    await store.put(d);
    server.refuse = { status: 409, code: 'photo_expired' };
    await sendDraft(d, server, store, env.now);
    expect(store.map.get('k1')).toMatchObject({ state: 'waiting', photos: [{ stagedId: null }] });
  });

  it('sends only the signed-in user’s drafts, oldest first; recovers a draft left mid-send', async () => {
    await store.put(draft('a', 'u2'));
    t += 1;
    await store.put({ ...draft('b'), state: 'sending' });
    t += 1;
    await store.put(draft('c'));
    expect(dueDrafts(await store.all(), 'u1', t).map((d) => d.key)).toEqual(['c']);
    const recovered = recover(store.map.get('b')!, t);
    expect(recovered).toMatchObject({ state: 'waiting', nextAttemptAt: t });
    await store.put(recovered);
    expect(dueDrafts(await store.all(), 'u1', t).map((d) => d.key)).toEqual(['b', 'c']);
    await flush(store, server, 'u1', env);
    expect([...server.cases.keys()]).toEqual(['b', 'c']);
    expect(store.map.get('a')!.state).toBe('waiting');
  });

  it('forgets sent drafts after a week', async () => {
    await store.put(draft('k1'));
    await flush(store, server, 'u1', env);
    t += 8 * 24 * 3_600_000;
    await flush(store, server, 'u1', env);
    expect(store.map.has('k1')).toBe(false);
  });
});
