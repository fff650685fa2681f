/** Deliberation's panels of the cockpit (#17): meetings with quorum, 四议两公开 matters, 村务公开 on time. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness';
import {
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
import { hh, G1, G2, seedVillage } from '../care/care.fixtures';
import { deliberationCockpit } from './deliberation.cockpit';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  const people = Object.values(await seedVillage(ctx, '13914200041'));
  const households = [hh(G1, 1), hh(G1, 2), hh(G2, 1)];
  let code = 100000;
  const meeting = (division: string, starts: string, state = 'closed') => ({
    division_code: division,
    body_code: division,
    meeting_type: 'representatives',
    title: '村民代表会议',
    agenda: '议事',
    noticed_at: at('2025-01-01'),
    starts_at: at(starts),
    state,
    signin_code: String(code++),
    closed_at: state === 'closed' ? at(starts, '12:00') : null,
  });
  const ids = await insertRows(ctx, 'meetings', [
    meeting(VILLAGE, '2026-11-05'), // 3 of 3: quorum
    meeting(VILLAGE, '2026-11-12'), // 1 of 3: none
    meeting(VILLAGE, '2026-11-15', 'cancelled'),
    meeting(VILLAGE, '2026-10-20'), // 3 of 3
    meeting(VILLAGE, '2025-11-08'), // 0 of 3
    meeting(OTHER, '2026-11-06'), // 3 of 3
  ]);
  const present = [3, 1, 0, 3, 0, 3];
  for (const [i, id] of ids.entries()) {
    await insertRows(
      ctx,
      'meeting_roster',
      people.map((r, j) => ({ meeting_id: id, resident_id: r, household_code: households[j] })),
      'meeting_id',
    );
    await insertRows(
      ctx,
      'meeting_attendance',
      people
        .slice(0, present[i])
        .map((r) => ({ meeting_id: id, resident_id: r, via: 'staff', signed_at: at('2026-01-01') })),
      'meeting_id',
    );
  }
  const [matter] = await insertRows(ctx, 'matters', [
    {
      division_code: VILLAGE,
      title: '修建文化广场',
      summary: '四议两公开',
      decision_body: 'representatives',
      state: 'completed',
      created_at: at('2026-10-05'),
      updated_at: at('2026-11-25'),
    },
  ]);
  await insertRows(ctx, 'matter_steps', [
    {
      matter_id: matter,
      seq: 1,
      event: 'propose',
      outcome: 'proposed',
      to_state: 'proposed',
      recorded_at: at('2026-10-01'),
    },
    {
      matter_id: matter,
      seq: 2,
      event: 'publish_result',
      outcome: 'done',
      from_state: 'implemented',
      to_state: 'completed',
      recorded_at: at('2026-11-25'),
    },
  ]);
  const disclosure = (division: string, category: string, day: string) => ({
    division_code: division,
    category,
    title: '公开',
    body: '内容',
    published_at: at(day),
  });
  await insertRows(ctx, 'disclosures', [
    disclosure(VILLAGE, 'finance', '2025-11-20'), // the first: on time
    disclosure(VILLAGE, 'finance', '2026-09-05'),
    disclosure(VILLAGE, 'finance', '2026-10-03'), // within a month of 09-05
    disclosure(VILLAGE, 'finance', '2026-11-10'), // due 11-03: late
    disclosure(VILLAGE, 'affairs', '2026-11-02'), // the first of its kind
    disclosure(VILLAGE, 'major', '2026-11-15'), // not periodic
    disclosure(OTHER, 'finance', '2026-11-11'),
  ]);
}, 60_000);
afterAll(() => ctx.close());

describe('deliberation in the cockpit', () => {
  it("a village's meetings, quorum, matters and disclosures over three periods; nothing of another village", async () => {
    const panels = await deliberationCockpit(ctx.deps, viewOf(VILLAGE));
    expect(panels.map((p) => p.status)).toEqual(['ready', 'ready']);
    const f = figuresOf(panels);
    expect(triple(f['deliberation.meetingsHeld'])).toEqual([2, 1, 1]);
    expect(triple(f['deliberation.meetingsQuorate'])).toEqual([1, 1, 0]);
    expect(triple(f['deliberation.quorumRate'])).toEqual([50, 100, 0]);
    expect(triple(f['deliberation.mattersStarted'])).toEqual([0, 1, 0]);
    expect(triple(f['deliberation.mattersCompleted'])).toEqual([1, 0, 0]);
    expect(triple(f['deliberation.disclosures'])).toEqual([3, 1, 1]);
    expect(triple(f['deliberation.disclosuresOnTime'])).toEqual([1, 1, 1]);
    expect(triple(f['deliberation.disclosuresOverdue'])).toEqual([1, 0, 0]);
    expect(triple(f['deliberation.disclosuresOnTimeRate'])).toEqual([50, 100, 100]);
    expect(f['deliberation.meetingsHeld'].drill).toBe(
      '/meetings?scope=421081107212&from=2026-11-01&to=2026-11-30&state=closed',
    );
  });

  it('the town adds its villages and ranks them by meetings held', async () => {
    const panels = await deliberationCockpit(ctx.deps, viewOf(TOWN));
    const f = figuresOf(panels);
    expect(triple(f['deliberation.meetingsHeld'])).toEqual([3, 1, 1]);
    expect(triple(f['deliberation.meetingsQuorate'])).toEqual([2, 1, 0]);
    expect(triple(f['deliberation.disclosures'])).toEqual([4, 1, 1]);
    expect(panels[0].rankings[0].rows.map((r) => [r.code, r.value])).toEqual([
      [VILLAGE, 2],
      [OTHER, 1],
    ]);
  });

  it('尚无数据 where nothing was ever held or disclosed; a kiosk has no links', async () => {
    expectNoData(await deliberationCockpit(ctx.deps, viewOf(EMPTY_TOWN)));
    expectNoLinks(await deliberationCockpit(ctx.deps, viewOf(TOWN, true)));
  });
});
