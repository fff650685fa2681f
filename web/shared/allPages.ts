/** Every row of a keyset-paged list, following `next` until `more` is false (for pickers that need the whole list). */
import type { Page } from './usePaged';

export async function allPages<T>(load: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await load(cursor);
    rows.push(...page.items);
    if (!page.more || !page.next) return rows;
    cursor = page.next;
  }
}
