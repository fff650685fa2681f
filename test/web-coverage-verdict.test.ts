/** The coverage page's verdict (web/admin/pages/coverage/coverage-verdict.ts, pure). */
import { describe, expect, it } from 'vitest';
import { coverageVerdict } from '../web/admin/pages/coverage/coverage-verdict';

describe('the uncovered list of a place', () => {
  it('never calls a place with no households all covered', () => {
    expect(coverageVerdict({ households: 0, uncovered: 0 })).toBe('no_households');
  });
  it('says all covered only when there are households and none is uncovered', () => {
    expect(coverageVerdict({ households: 12, uncovered: 0 })).toBe('all_covered');
    expect(coverageVerdict({ households: 12, uncovered: 3 })).toBe('some_uncovered');
  });
});
