/** Demo-only use cases behind /api/demo. */
import type { Deps } from '../../platform/deps';
import { recentSms } from './demo.repo';

/** Demo only: the latest code the development SMS gateway "sent" to a phone, so a visitor can sign in. */
export async function latestDemoSms(deps: Deps, phone: string): Promise<string | null> {
  const rows = await recentSms(deps.db, 50);
  return rows.find((r) => deps.crypto.decrypt(r.phone_cipher) === phone)?.body ?? null;
}
