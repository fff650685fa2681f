/** Test helper for keyset lists: walks a paged route from its first page to its last. */
import { expect } from 'vitest';
import { call, type TestActor, type TestContext } from './harness';

/**
 * Every item of a paged list, `limit` at a time, following `next` until `more` is false; asserts
 * each page's shape on the way (a full page says more, the last one has no cursor).
 */
export async function pageThrough<T>(ctx: TestContext, actor: TestActor, url: string, limit: number): Promise<T[]> {
  const items: T[] = [];
  const sep = url.includes('?') ? '&' : '?';
  let cursor: string | null = null;
  for (let pages = 0; ; pages++) {
    expect(pages, 'the list ends').toBeLessThan(1000);
    const res = await call(ctx, actor, 'GET', `${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as { items: T[]; next: string | null; more: boolean };
    expect(page.items.length).toBeLessThanOrEqual(limit);
    items.push(...page.items);
    if (!page.more) {
      expect(page.next).toBeNull();
      return items;
    }
    expect(page.items).toHaveLength(limit);
    cursor = page.next;
  }
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/**
 * Forged cursors a paged list whose key has `keyLength` parts must refuse with 400 cursor_invalid,
 * never a 500: not base64url JSON, another shape, numbers for text, text the database cannot hold.
 */
export const forgedCursors = (keyLength: number) => [
  'not-base64!',
  b64({ a: 1 }),
  b64(Array(keyLength + 1).fill('x')),
  b64(Array(keyLength).fill(7)),
  b64(Array(keyLength).fill('a\u0000b')),
  b64(Array(keyLength).fill('\ud800')),
  b64(Array(keyLength).fill(['x'])),
];

export async function expectCursorRefused(ctx: TestContext, actor: TestActor, url: string, keyLength: number) {
  const sep = url.includes('?') ? '&' : '?';
  for (const c of forgedCursors(keyLength)) {
    const res = await call(ctx, actor, 'GET', `${url}${sep}cursor=${encodeURIComponent(c)}`);
    expect(res.statusCode, c).toBe(400);
    expect(res.json().code, c).toBe('cursor_invalid');
  }
}
