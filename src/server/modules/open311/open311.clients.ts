/**
 * Open311 clients and their api keys. A key is 32 random bytes shown once when the client is
 * created; only its SHA-256 is stored (a key is high-entropy, so a fast hash is enough and lets
 * the lookup use the unique index). Revoked clients' keys no longer work.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../platform/db/db';
import { findClientByKeyHash, insertClient, type Open311Client } from './open311.repo';

export type { Open311Client };

const KEY_PREFIX = 'o311_';

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Creates a client and returns its api key: the only time the key is ever available. */
export async function createClient(q: Queryable, name: string): Promise<{ client: Open311Client; apiKey: string }> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 100) throw new Error('an Open311 client needs a name of 1 to 100 characters');
  const apiKey = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { client: await insertClient(q, trimmed, hashApiKey(apiKey)), apiKey };
}

/** The active client holding this key, or null. */
export async function findClientByKey(q: Queryable, apiKey: string): Promise<Open311Client | null> {
  if (!apiKey || apiKey.length > 200) return null;
  return findClientByKeyHash(q, hashApiKey(apiKey));
}
