/** What the uncovered list says about a place (pure): a place with no households has nothing covered to celebrate. */
export type CoverageVerdict = 'no_households' | 'all_covered' | 'some_uncovered';

export function coverageVerdict(c: { households: number; uncovered: number }): CoverageVerdict {
  if (c.households === 0) return 'no_households';
  return c.uncovered === 0 ? 'all_covered' : 'some_uncovered';
}
