import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { decodeCursor, encodeCursor, mapPage, pageOf } from './page';

describe('keyset pages', () => {
  it('round-trips a key, dates as ISO strings', () => {
    const at = new Date('2026-12-03T10:00:00.000Z');
    const cursor = encodeCursor([at, 'b', 7]);
    expect(decodeCursor(cursor, ['date', 'string', 'number'])).toEqual([at.toISOString(), 'b', 7]);
  });

  it('refuses a cursor of another shape or a forged one as cursor_invalid', () => {
    const bad = [
      'not base64!',
      Buffer.from('{"a":1}').toString('base64url'),
      encodeCursor(['x']),
      encodeCursor([1, 2]),
      encodeCursor([null]),
      Buffer.from('[1e999]').toString('base64url'),
      '',
    ];
    for (const c of bad) {
      let code = '';
      try {
        decodeCursor(c, ['number']);
      } catch (e) {
        code = e instanceof AppError ? e.code : 'other';
      }
      expect(code, c).toBe('cursor_invalid');
    }
    expect(decodeCursor(encodeCursor([null]), ['nullable-number'])).toEqual([null]);
  });

  it('a page of limit + 1 rows says more and points after its last item', () => {
    const rows = [{ id: 5 }, { id: 4 }, { id: 3 }];
    const page = pageOf(rows, 2, (r) => [r.id]);
    expect(page.items).toEqual([{ id: 5 }, { id: 4 }]);
    expect(page.more).toBe(true);
    expect(decodeCursor(page.next ?? '', ['number'])).toEqual([4]);
    const last = pageOf(rows.slice(2), 2, (r) => [r.id]);
    expect(last).toEqual({ items: [{ id: 3 }], more: false, next: null });
    expect(mapPage(page, (r) => r.id * 10).items).toEqual([50, 40]);
  });
});
