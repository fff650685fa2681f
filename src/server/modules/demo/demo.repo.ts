/** The demo's reads of the development SMS gateway's outbox. */
import type { Queryable } from '../../platform/db/db';

/** The last `limit` messages, newest first, with the encrypted phone each went to. */
export async function recentSms(q: Queryable, limit: number): Promise<{ phone_cipher: string; body: string }[]> {
  const { rows } = await q.query<{ phone_cipher: string; body: string }>(
    'SELECT phone_cipher, body FROM sms_outbox ORDER BY id DESC LIMIT $1',
    [limit],
  );
  return rows;
}

/** Whether any household lies in a county (the demo population is loaded once per county). */
export async function countyHasHouseholds(q: Queryable, countyCode: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM households WHERE code LIKE $1 LIMIT 1', [`${countyCode}%`]);
  return rows.length > 0;
}
