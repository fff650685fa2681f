/**
 * Cursor keys a column type needs beyond their JSON kind (page.ts `decodeCursor`): an integer key
 * (a bigint id) must be a safe whole number and a uuid key a uuid, or the database would refuse the
 * comparison with a 500. Anything else is the 400 `cursor_invalid` of a forged cursor.
 */
import { AppError } from './errors';
import { decodeCursor, type KeyKind, type KeyValue } from './page';

export type ColumnKind = Exclude<KeyKind, 'number' | 'nullable-number'> | 'integer' | 'uuid';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The key of the row a page starts after, or null for the first page. */
export function afterKey(cursor: string | undefined, kinds: readonly ColumnKind[]): KeyValue[] | null {
  if (cursor === undefined) return null;
  const json: KeyKind[] = kinds.map((k) => (k === 'integer' ? 'number' : k === 'uuid' ? 'string' : k));
  const key = decodeCursor(cursor, json);
  kinds.forEach((kind, i) => {
    const v = key[i];
    if ((kind === 'integer' && !Number.isSafeInteger(v)) || (kind === 'uuid' && !UUID.test(String(v))))
      throw new AppError('cursor_invalid', { field: 'cursor' });
  });
  return key;
}
