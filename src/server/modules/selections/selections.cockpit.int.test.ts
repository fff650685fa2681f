/** Selections' panel of the cockpit (#17): selections opened and concluded, nominations, votes, honours. */
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
import { seedVillage } from '../care/care.fixtures';
import { selectionsCockpit } from './selections.cockpit';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  const [r1, r2, r3] = Object.values(await seedVillage(ctx, '13914200051'));
  const officer = await aUser(ctx, 'staff');
  const selection = (division: string, created: string, results: string | null) => ({
    kind: 'good_neighbour',
    subject: 'person',
    title: '最美邻里',
    division_code: division,
    quota: 3,
    endorsements_required: 1,
    panel_weight: 50,
    nomination_ends_at: at(created, '20:00'),
    voting_starts_at: at(created, '21:00'),
    voting_ends_at: at(created, '22:00'),
    created_by: officer,
    created_at: at(created),
    results_at: results && at(results),
  });
  const [s1, s2, s0] = await insertRows(ctx, 'selections', [
    selection(TOWN, '2026-11-02', '2026-11-28'),
    selection(VILLAGE, '2026-10-10', null),
    selection(VILLAGE, '2025-11-05', '2025-11-29'),
  ]);
  const nominee = (s: string, resident: string, place: string, created: string) => ({
    selection_id: s,
    resident_id: resident,
    name: '候选人',
    place_code: place,
    route: 'self',
    statement: '热心助人',
    nominated_by: officer,
    status: 'eligible',
    created_at: at(created),
  });
  const [n1, n2, n3, n0] = await insertRows(ctx, 'selection_nominees', [
    nominee(s1, r1, VILLAGE, '2026-11-03'),
    nominee(s1, r2, OTHER, '2026-11-04'),
    nominee(s2, r1, VILLAGE, '2026-10-12'),
    nominee(s0, r3, VILLAGE, '2025-11-06'),
  ]);
  const vote = (s: string, voter: string, n: string, village: string, day: string) => ({
    selection_id: s,
    voter_resident_id: voter,
    nominee_id: n,
    village_code: village,
    channel: 'paper',
    entered_by: officer,
    cast_at: at(day),
  });
  await insertRows(
    ctx,
    'selection_votes',
    [
      vote(s1, r1, n1, VILLAGE, '2026-11-10'),
      vote(s1, r2, n1, VILLAGE, '2026-11-11'),
      vote(s1, r3, n2, OTHER, '2026-11-12'),
      vote(s2, r1, n3, VILLAGE, '2026-10-20'),
      vote(s0, r1, n0, VILLAGE, '2025-11-10'),
    ],
    'selection_id',
  );
  await insertRows(
    ctx,
    'selection_certificates',
    [
      {
        number: 'SEL-2026-0001',
        selection_id: s1,
        nominee_id: n1,
        rank: 1,
        issued_at: at('2026-11-29'),
        issued_by: officer,
      },
      {
        number: 'SEL-2025-0001',
        selection_id: s0,
        nominee_id: n0,
        rank: 1,
        issued_at: at('2025-11-30'),
        issued_by: officer,
      },
    ],
    'number',
  );
}, 60_000);
afterAll(() => ctx.close());

describe('selections in the cockpit', () => {
  it("a village's selections, nominations, votes and honours over three periods; nothing of another village", async () => {
    const f = figuresOf(await selectionsCockpit(ctx.deps, viewOf(VILLAGE)));
    expect(triple(f['selections.opened'])).toEqual([0, 1, 1]); // the town's selection is the town's
    expect(triple(f['selections.concluded'])).toEqual([0, 0, 1]);
    expect(triple(f['selections.nominations'])).toEqual([1, 1, 1]);
    expect(triple(f['selections.votes'])).toEqual([2, 1, 1]);
    expect(triple(f['selections.honours'])).toEqual([1, 0, 1]);
    expect(f['selections.votes'].drill).toBe('/selections?scope=421081107212&from=2026-11-01&to=2026-11-30');
  });

  it('the town adds its villages and ranks them by votes', async () => {
    const panels = await selectionsCockpit(ctx.deps, viewOf(TOWN));
    const f = figuresOf(panels);
    expect(triple(f['selections.opened'])).toEqual([1, 1, 1]);
    expect(triple(f['selections.concluded'])).toEqual([1, 0, 1]);
    expect(triple(f['selections.nominations'])).toEqual([2, 1, 1]);
    expect(triple(f['selections.votes'])).toEqual([3, 1, 1]);
    expect(panels[0].rankings[0].rows.map((r) => [r.code, r.value])).toEqual([
      [VILLAGE, 2],
      [OTHER, 1],
    ]);
  });

  it('尚无数据 where no selection was ever held; a kiosk has no links', async () => {
    expectNoData(await selectionsCockpit(ctx.deps, viewOf(EMPTY_TOWN)));
    expectNoLinks(await selectionsCockpit(ctx.deps, viewOf(TOWN, true)));
  });
});
