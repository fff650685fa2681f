import { describe, expect, it } from 'vitest';
import {
  fundsProblem,
  isRealDay,
  milestoneBeforeStart,
  progressInRange,
  projectStatus,
  ratingInRange,
  rollUp,
  summariseRatings,
  yuan,
} from './projects.domain';

describe('rollUp: the accountability tree', () => {
  it('is a leaf’s own progress, a parent’s weighted mean of its children', () => {
    expect(rollUp({ weight: 1, progress: 40 })).toBe(40);
    expect(
      rollUp({
        weight: 1,
        children: [
          { weight: 1, progress: 100 },
          { weight: 3, progress: 0 },
        ],
      }),
    ).toBe(25);
    expect(rollUp({ weight: 1, children: [] })).toBe(0);
  });

  it('rolls up nested levels exactly and rounds once (half up)', () => {
    // milestone A (weight 2) has tasks 100 % and 0 % → 50 %; milestone B (weight 1) at 33 % → (100 + 33) / 3 = 44.33 → 44
    const tree = {
      weight: 1,
      children: [
        {
          weight: 2,
          children: [
            { weight: 1, progress: 100 },
            { weight: 1, progress: 0 },
          ],
        },
        { weight: 1, progress: 33 },
      ],
    };
    expect(rollUp(tree)).toBe(44);
    // thirds stay exact: (1/3 of 100) at one level, then 50/50 with 0 → 16.67 → 17
    const thirds = {
      weight: 1,
      children: [
        {
          weight: 1,
          children: [
            { weight: 1, progress: 100 },
            { weight: 2, progress: 0 },
          ],
        },
        { weight: 1, progress: 0 },
      ],
    };
    expect(rollUp(thirds)).toBe(17);
    expect(
      rollUp({
        weight: 1,
        children: [
          { weight: 1, progress: 1 },
          { weight: 1, progress: 0 },
        ],
      }),
    ).toBe(1); // 0.5 → 1
    expect(rollUp({ weight: 1, children: [{ weight: 5, progress: 100 }] })).toBe(100);
  });
});

describe('projectStatus', () => {
  const p = { startsOn: '2026-03-01', dueOn: '2026-06-30', progress: 0 };
  it('planned before the start, in progress after, done at 100 %', () => {
    expect(projectStatus(p, [], '2026-02-28')).toBe('planned');
    expect(projectStatus(p, [], '2026-03-01')).toBe('in_progress');
    expect(projectStatus({ ...p, progress: 10 }, [], '2026-02-01')).toBe('in_progress');
    expect(projectStatus({ ...p, progress: 100 }, [], '2026-12-01')).toBe('done');
  });
  it('delayed the day after a due date while short of 100 %', () => {
    expect(projectStatus(p, [], '2026-06-30')).toBe('in_progress');
    expect(projectStatus(p, [], '2026-07-01')).toBe('delayed');
    const ms = [{ dueOn: '2026-04-01', progress: 99 }];
    expect(projectStatus(p, ms, '2026-04-01')).toBe('in_progress');
    expect(projectStatus(p, ms, '2026-04-02')).toBe('delayed');
    expect(projectStatus(p, [{ dueOn: '2026-04-01', progress: 100 }], '2026-04-02')).toBe('in_progress');
  });
});

describe('checks', () => {
  it('funding sources must add up to the budget to the fen', () => {
    expect(fundsProblem(100_00, [60_00, 40_00])).toBeNull();
    expect(fundsProblem(100_00, [60_00, 39_99])).toEqual({ sumFen: 99_99 });
    expect(fundsProblem(100_00, [])).toEqual({ sumFen: 0 });
    expect(yuan(1_234_567)).toBe('12345.67');
    expect(yuan(5)).toBe('0.05');
  });
  it('dates, progress and ratings', () => {
    expect(isRealDay('2026-02-28')).toBe(true);
    expect(isRealDay('2026-02-30')).toBe(false);
    expect(milestoneBeforeStart('2026-03-01', [{ dueOn: '2026-03-01' }, { dueOn: '2026-02-28' }])).toEqual({
      dueOn: '2026-02-28',
    });
    expect(milestoneBeforeStart('2026-03-01', [{ dueOn: '2026-03-01' }])).toBeNull();
    expect([0, 100, -1, 101, 50.5].map(progressInRange)).toEqual([true, true, false, false, false]);
    expect([1, 5, 0, 6, 2.5].map(ratingInRange)).toEqual([true, true, false, false, false]);
  });
  it('summarises ratings in tenths', () => {
    expect(summariseRatings([])).toEqual({
      count: 0,
      progressTenths: null,
      qualityTenths: null,
      qualityHistogram: [0, 0, 0, 0, 0],
    });
    const s = summariseRatings([
      { progress: 4, quality: 5 },
      { progress: 5, quality: 4 },
      { progress: 4, quality: 4 },
    ]);
    expect(s).toEqual({ count: 3, progressTenths: 43, qualityTenths: 43, qualityHistogram: [0, 0, 0, 2, 1] });
  });
});
