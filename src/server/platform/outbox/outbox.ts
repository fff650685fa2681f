/**
 * Transactional outbox. A service enqueues messages in the transaction that made the change; a
 * worker delivers them after commit. Each message is claimed with FOR UPDATE SKIP LOCKED and
 * marked done in the same transaction as its delivery, so a crash before commit redelivers it and
 * a crash after commit never delivers it twice. Handlers must be idempotent on the message id
 * (e.g. UNIQUE (outbox_id, user_id)) for side effects outside the database.
 */
import type { Database, Queryable } from '../db/db';
import { cutText, storableText } from '../text';
import type { Topic } from './topic';

export { defineTopic, type Topic } from './topic';

export interface OutboxMessage<T = unknown> {
  id: number;
  topic: string;
  payload: T;
  attempts: number;
}

export type OutboxHandler = (tx: Queryable, message: OutboxMessage) => Promise<void>;

/** A handler of one topic, as a module's manifest lists it (`subscribe(topic, deps => handler)`). */
export interface Subscription {
  topic: string;
  handler: OutboxHandler;
}

/** Writes a message of `topic` in the caller's transaction; the payload is checked against the topic's schema first. */
export async function enqueue<T>(tx: Queryable, topic: Topic<T>, payload: T, now: Date, delayMs = 0): Promise<number> {
  topic.check(payload);
  const { rows } = await tx.query<{ id: number }>(
    'INSERT INTO outbox (topic, payload, created_at, available_at) VALUES ($1, $2, $3, $4) RETURNING id',
    [topic.name, JSON.stringify(payload), now.toISOString(), new Date(now.getTime() + delayMs).toISOString()],
  );
  return Number(rows[0].id);
}

/** A handler of `topic` whose message payload is checked against the topic's schema before `handle` runs. */
export function subscribe<T>(
  topic: Topic<T>,
  handle: (tx: Queryable, message: OutboxMessage<T>) => Promise<void>,
): Subscription {
  return {
    topic: topic.name,
    handler: async (tx, message) => {
      topic.check(message.payload);
      await handle(tx, message as OutboxMessage<T>);
    },
  };
}

/** The handlers `deliverOutbox` takes, keyed by topic; two handlers of one topic are refused (one delivery each). */
export function handlersOf(subscriptions: readonly Subscription[]): Record<string, OutboxHandler> {
  const handlers: Record<string, OutboxHandler> = {};
  for (const s of subscriptions) {
    if (handlers[s.topic]) throw new Error(`outbox topic ${s.topic} has two handlers`);
    handlers[s.topic] = s.handler;
  }
  return handlers;
}

/**
 * Delivers up to `limit` due messages of the topics that have handlers, one transaction each.
 * A failing handler's message is retried later with back-off; the others go on.
 */
export async function deliverOutbox(
  db: Database,
  handlers: Record<string, OutboxHandler>,
  now: Date,
  limit = 100,
): Promise<{ delivered: number; failed: number }> {
  const topics = Object.keys(handlers);
  let delivered = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await db.transaction(async (tx) => {
      const { rows } = await tx.query<{ id: number; topic: string; payload: unknown; attempts: number }>(
        `SELECT id, topic, payload, attempts FROM outbox
          WHERE processed_at IS NULL AND available_at <= $1 AND topic = ANY($2::text[])
          ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [now.toISOString(), topics],
      );
      const m = rows[0];
      if (!m) return 'empty' as const;
      const message = { ...m, id: Number(m.id) };
      try {
        await tx.query('SAVEPOINT deliver');
        await handlers[m.topic](tx, message);
        await tx.query('RELEASE SAVEPOINT deliver');
        await tx.query('UPDATE outbox SET processed_at = $2, attempts = attempts + 1 WHERE id = $1', [
          message.id,
          now.toISOString(),
        ]);
        return 'delivered' as const;
      } catch (err) {
        await tx.query('ROLLBACK TO SAVEPOINT deliver');
        const backoffMs = Math.min(3_600_000, 30_000 * 2 ** m.attempts);
        await tx.query('UPDATE outbox SET attempts = attempts + 1, last_error = $2, available_at = $3 WHERE id = $1', [
          message.id,
          storableText(cutText(String((err as Error).message ?? err), 500)),
          new Date(now.getTime() + backoffMs).toISOString(),
        ]);
        return 'failed' as const;
      }
    });
    if (outcome === 'empty') break;
    if (outcome === 'delivered') delivered++;
    else failed++;
  }
  return { delivered, failed };
}
