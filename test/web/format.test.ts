/** Times in China Standard Time whatever the machine's zone (the test runner's zone is not Shanghai's in CI). */
import { describe, expect, it } from 'vitest';
import { chinaHour, formatDateTime } from '../../web/shared/format';

describe('formatDateTime', () => {
  it('writes the instant in Asia/Shanghai (UTC+8), across midnight and the year end', () => {
    expect(formatDateTime('2026-11-25T12:47:20Z')).toBe('2026-11-25 20:47:20');
    expect(formatDateTime('2026-12-31T16:00:00Z')).toBe('2027-01-01 00:00:00');
    expect(formatDateTime(new Date('2026-03-01T15:59:59.999Z'))).toBe('2026-03-01 23:59:59');
  });
  it('says — for nothing and leaves what is not a date as it is', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('soon')).toBe('soon');
  });
  it('gives the hour in China', () => {
    expect(chinaHour(new Date('2026-12-03T23:30:00Z'))).toBe(7);
    expect(chinaHour(new Date('2026-12-03T16:00:00Z'))).toBe(0);
  });
});
