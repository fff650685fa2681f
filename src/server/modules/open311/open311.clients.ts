/**
 * Open311 clients and their api keys. A key is 32 random bytes shown once when the client is
 * created; only its SHA-256 is stored (a key is high-entropy, so a fast hash is enough and lets
 * the lookup use the unique index). Revoked clients' keys no longer work.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../platform/db/db';

export interface Open311Client {
  id: string;
  name: string;
  createdAt: Date;
}

const KEY_PREFIX = 'o311_';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Creates a client and returns its api key: the only time the key is ever available. */
export async function createClient(q: Queryable, name: string): Promise<{ client: Open311Client; apiKey: string }> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100) throw new Error('an Open311 client needs a name of 1 to 100 characters');
  const apiKey = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  const { rows } = await q.query<Open311Client>(
    'INSERT INTO open311_clients (name, api_key_hash) VALUES ($1, $2) RETURNING id, name, created_at AS "createdAt"',
    [trimmed, hashApiKey(apiKey)],
  );
  return { client: rows[0], apiKey };
}

/** The active client holding this key, or null. */
export async function findClientByKey(q: Queryable, apiKey: string): Promise<Open311Client | null> {
  if (!apiKey || apiKey.length > 200) return null;
  const { rows } = await q.query<Open311Client>(
    'SELECT id, name, created_at AS "createdAt" FROM open311_clients WHERE api_key_hash = $1 AND revoked_at IS NULL',
    [hashApiKey(apiKey)],
  );
  return rows[0] ?? null;
}
