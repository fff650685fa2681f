/** Typed outbox topics: a payload is checked against its topic's schema when enqueued and again when delivered. */
import Type from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../test/harness';
import type { Database } from '../db/db';
import { defineTopic, deliverOutbox, enqueue, handlersOf, subscribe } from './outbox';

const PING = defineTopic(
  'test.ping',
  Type.Object(
    { n: Type.Integer({ minimum: 1 }), at: Type.String({ format: 'date-time' }) },
    { additionalProperties: false },
  ),
);
const now = new Date('2026-03-01T08:00:00Z');
let db: Database;
const seen: number[] = [];
const handlers = () =>
  handlersOf([
    subscribe(PING, async (_tx, m) => {
      seen.push(m.payload.n);
    }),
  ]);
const rows = () =>
  db.owner.query<{ payload: unknown; processed_at: unknown; last_error: string | null }>(
    `SELECT payload, processed_at, last_error FROM outbox WHERE topic = 'test.ping' ORDER BY id`,
  );

beforeAll(async () => {
  ({ db } = await createTestDatabase());
});
afterAll(() => db.close());

describe('outbox topics', () => {
  it('refuses to enqueue a payload its topic does not describe, writing nothing', async () => {
    for (const bad of [{ n: 0, at: now.toISOString() }, { n: 1 }, { n: 1, at: now.toISOString(), extra: true }]) {
      await expect(
        db.transaction((tx) => enqueue(tx, PING, bad as never, now)),
        JSON.stringify(bad),
      ).rejects.toThrow(/test\.ping: payload does not match/);
    }
    expect((await rows()).rows).toEqual([]);
  });

  it('delivers a good payload to its subscriber once', async () => {
    await db.transaction((tx) => enqueue(tx, PING, { n: 7, at: now.toISOString() }, now));
    expect(await deliverOutbox(db, handlers(), now)).toEqual({ delivered: 1, failed: 0 });
    expect(await deliverOutbox(db, handlers(), now)).toEqual({ delivered: 0, failed: 0 });
    expect(seen).toEqual([7]);
  });

  it('does not hand a stored message of the wrong shape to the handler: it fails, with the reason kept', async () => {
    await db.owner.query(
      `INSERT INTO outbox (topic, payload, created_at, available_at) VALUES ('test.ping', '{"n":"eight"}', $1, $1)`,
      [now.toISOString()],
    );
    expect(await deliverOutbox(db, handlers(), now)).toEqual({ delivered: 0, failed: 1 });
    expect(seen).toEqual([7]);
    const last = (await rows()).rows.at(-1);
    expect(last?.processed_at).toBeNull();
    expect(last?.last_error).toMatch(/test\.ping: payload does not match its schema: .*\/n must be integer/);
  });

  it('refuses two handlers of one topic', () => {
    const sub = subscribe(PING, async () => undefined);
    expect(() => handlersOf([sub, sub])).toThrow(/two handlers/);
  });
});
