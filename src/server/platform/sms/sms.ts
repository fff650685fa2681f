/**
 * Pluggable SMS gateway. The development gateway "sends" by writing to the sms_outbox table
 * (visible to the system administrator in the console) and to the log. A real gateway (e.g. a
 * carrier's or a cloud SMS API) implements the same interface.
 */
import type { FieldCrypto } from '../crypto/field-crypto';
import { maskPhone } from '../crypto/masking';
import type { Queryable } from '../db/db';
import type { Logger } from '../deps';

export interface SmsMessage {
  phone: string;
  body: string;
}

export interface SmsGateway {
  readonly name: string;
  /** Sends within the caller's transaction where the gateway stores messages (outbox semantics). */
  send(tx: Queryable, message: SmsMessage): Promise<void>;
}

export function devSmsGateway(crypto: FieldCrypto, log: Logger): SmsGateway {
  return {
    name: 'dev',
    async send(tx, { phone, body }) {
      await tx.query('INSERT INTO sms_outbox (phone_masked, phone_cipher, body, gateway) VALUES ($1, $2, $3, $4)', [
        maskPhone(phone),
        crypto.encrypt(phone),
        body,
        'dev',
      ]);
      log.info({ sms: { to: maskPhone(phone), body } }, 'dev SMS gateway: message written to outbox');
    },
  };
}

export interface OutboxEntry {
  id: number;
  phoneMasked: string;
  body: string;
  gateway: string;
  createdAt: Date;
}

/** Messages sent, newest first, before the message `beforeId` when given. */
export async function listOutbox(q: Queryable, limit: number, beforeId: number | null = null): Promise<OutboxEntry[]> {
  const { rows } = await q.query<{ id: number; phone_masked: string; body: string; gateway: string; created_at: Date }>(
    'SELECT id, phone_masked, body, gateway, created_at FROM sms_outbox WHERE ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $1',
    [limit, beforeId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    phoneMasked: r.phone_masked,
    body: r.body,
    gateway: r.gateway,
    createdAt: r.created_at,
  }));
}
