import { describe, expect, it } from 'vitest';
import { addMonths, dueOf } from './schedule.domain';

describe('村务公开 schedule (§30)', () => {
  const at = (s: string) => new Date(s);
  it('finances are due a month after the last publication, affairs a quarter', () => {
    const last = at('2026-01-31T02:00:00Z');
    expect(addMonths(last, 1).toISOString()).toBe('2026-02-28T02:00:00.000Z');
    expect(dueOf('finance', last, at('2026-02-28T01:00:00Z'))).toMatchObject({ overdue: false });
    expect(dueOf('finance', last, at('2026-02-28T03:00:00Z'))).toMatchObject({ overdue: true });
    expect(dueOf('affairs', last, at('2026-04-30T01:00:00Z'))).toMatchObject({
      overdue: false,
      dueAt: at('2026-04-30T02:00:00Z'),
    });
    expect(dueOf('affairs', last, at('2026-05-01T00:00:00Z')).overdue).toBe(true);
  });
  it('never published is overdue', () => {
    expect(dueOf('affairs', null, at('2026-01-01T00:00:00Z'))).toMatchObject({ overdue: true, dueAt: null });
  });
});
