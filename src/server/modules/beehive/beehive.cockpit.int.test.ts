/** The red beehive's panel of the cockpit (#17): stations, check-ins, workers registered. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness';
import {
  aUser,
  at,
  EMPTY_TOWN,
  expectNoData,
  expectNoLinks,
  figuresOf,
  insertRows,
  OTHER,
  TOWN,
  triple,
  VILLAGE,
  viewOf,
} from '../../cockpit/figures.testing';
import { beehiveCockpit } from './beehive.cockpit';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  const station = (division: string, kind: string, created: string, code: string) => ({
    kind,
    name: '红色蜂巢',
    division_code: division,
    lng: 112.3,
    lat: 29.8,
    hours: JSON.stringify([[], [], [], [], [], [], []]),
    checkin_code: code,
    created_at: at(created),
  });
  const [s1, , s3] = await insertRows(ctx, 'beehive_stations', [
    station(VILLAGE, 'beehive', '2025-06-01', 'c1'),
    station(VILLAGE, 'study_micro', '2026-11-10', 'c2'),
    station(OTHER, 'beehive', '2026-01-01', 'c3'),
  ]);
  const checkin = (s: string, day: string, count: number) => ({ station_id: s, day, count });
  await insertRows(
    ctx,
    'beehive_checkins',
    [
      checkin(s1, '2026-11-03', 5),
      checkin(s1, '2026-11-30', 2), // the last day counts
      checkin(s1, '2026-12-01', 9), // after the period
      checkin(s1, '2026-10-15', 4),
      checkin(s1, '2025-11-20', 1),
      checkin(s3, '2026-11-04', 8),
    ],
    'station_id',
  );
  const worker = async (s: string, created: string) => ({
    user_id: await aUser(ctx),
    name: '骑手',
    work_kind: 'rider',
    platform: '美团',
    consent_version: 'v1',
    station_id: s,
    consent_at: at(created),
    created_at: at(created),
  });
  await insertRows(ctx, 'beehive_workers', [
    await worker(s1, '2025-07-01'),
    await worker(s1, '2026-11-05'),
    await worker(s3, '2026-02-01'),
  ]);
}, 60_000);
afterAll(() => ctx.close());

describe('the red beehive in the cockpit', () => {
  it("a village's stations, check-ins and workers over three periods; nothing of another village", async () => {
    const f = figuresOf(await beehiveCockpit(ctx.deps, viewOf(VILLAGE)));
    expect(triple(f['beehive.beehives'])).toEqual([1, 1, 1]);
    expect(triple(f['beehive.otherStations'])).toEqual([1, 0, 0]);
    expect(triple(f['beehive.checkins'])).toEqual([7, 4, 1]);
    expect(triple(f['beehive.workers'])).toEqual([2, 1, 1]);
    expect(f['beehive.checkins'].drill).toBe('/beehive-stations?scope=421081107212'); // the list has no period
  });

  it('the town ranks its villages by check-ins', async () => {
    const panels = await beehiveCockpit(ctx.deps, viewOf(TOWN));
    const f = figuresOf(panels);
    expect(triple(f['beehive.beehives'])).toEqual([2, 2, 1]);
    expect(triple(f['beehive.checkins'])).toEqual([15, 4, 1]);
    expect(panels[0].rankings[0].rows.map((r) => [r.code, r.value])).toEqual([
      [OTHER, 8],
      [VILLAGE, 7],
    ]);
  });

  it('尚无数据 where there is no station; a kiosk has no links', async () => {
    expectNoData(await beehiveCockpit(ctx.deps, viewOf(EMPTY_TOWN)));
    expectNoLinks(await beehiveCockpit(ctx.deps, viewOf(TOWN, true)));
  });
});
