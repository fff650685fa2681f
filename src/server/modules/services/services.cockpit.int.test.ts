/** The services module's cockpit panels (#17): activities and hours, errands, partners; periods, scope, 尚无数据, kiosk. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness';
import {
  aUser,
  at,
  COUNTY,
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
import { servicesCockpit } from './services.cockpit';

let ctx: TestContext;

const activity = (division: string, day: string, state = 'published') => ({
  title: '清洁家园',
  kind: 'clean_up',
  division_code: division,
  organiser_kind: 'community',
  place: '党群服务中心',
  lng: 112.3,
  lat: 29.8,
  radius_m: 200,
  starts_at: at(day, '09:00'),
  ends_at: at(day, '11:00'),
  capacity: 10,
  audience: 'everyone',
  checkin_code: '123456',
  state,
});

beforeAll(async () => {
  ctx = await createTestContext();
  const [a, b, c] = [await aUser(ctx), await aUser(ctx), await aUser(ctx)];
  const officer = await aUser(ctx, 'staff');
  const [nov, oct, lastNov, other, cancelled] = await insertRows(ctx, 'service_activities', [
    activity(VILLAGE, '2026-11-05'),
    activity(VILLAGE, '2026-10-20'),
    activity(VILLAGE, '2025-11-10'),
    activity(OTHER, '2026-11-06'),
    activity(VILLAGE, '2026-11-07', 'cancelled'),
  ]);
  const signup = (activity: string, user: string, hours: number | null) => ({
    activity_id: activity,
    user_id: user,
    state: 'enrolled',
    created_at: at('2025-01-01'),
    hours,
    confirmed_at: hours === null ? null : at('2026-11-05', '12:00'),
    confirmed_by: hours === null ? null : officer,
  });
  await insertRows(ctx, 'service_signups', [
    signup(nov, a, 2),
    signup(nov, b, 1.5),
    signup(nov, c, null), // signed up, never confirmed
    signup(oct, a, 3),
    signup(lastNov, a, 1),
    signup(other, a, 4),
    signup(cancelled, b, 9),
  ]);
  const [item] = await insertRows(ctx, 'errand_items', [
    { county_code: COUNTY, code: 'shebao', name: '社保卡补办', kind: '社会保障', time_limit_days: 3 },
  ]);
  let n = 0;
  const errand = (division: string, created: string, over: Record<string, unknown> = {}) => ({
    number: `DB-${++n}`,
    item_id: item,
    division_code: division,
    requester_id: a,
    details_cipher: 'x',
    state: 'requested',
    created_at: at(created),
    ...over,
  });
  const done = (finished: string, due: string, rating: number | null = null, thanks: string | null = null) => ({
    state: 'done',
    handler_id: b,
    due_at: at(due, '18:00'),
    finished_at: at(finished),
    rating,
    rated_at: rating === null ? null : at(finished, '12:00'),
    thanks,
    thanked_at: thanks === null ? null : at(finished, '13:00'),
  });
  await insertRows(ctx, 'errands', [
    errand(VILLAGE, '2026-11-02', done('2026-11-04', '2026-11-05', 5, 'banner')), // on time
    errand(VILLAGE, '2026-11-03', done('2026-11-09', '2026-11-06', 2)), // late, unhappy
    errand(VILLAGE, '2026-11-20', done('2026-11-21', '2026-11-23', 4, 'praise')), // on time
    errand(VILLAGE, '2026-11-25'), // asked, open
    errand(VILLAGE, '2026-10-10', done('2026-10-11', '2026-10-12')),
    errand(VILLAGE, '2025-11-10'),
    errand(OTHER, '2026-11-10', done('2026-11-11', '2026-11-12', 5, 'banner')),
  ]);
  const [unit, unit2] = await insertRows(ctx, 'service_units', [
    { code: 'zrzy', name: '自然资源和规划局', kind: 'organ', scope_code: COUNTY },
    { code: 'gdj', name: '供电局', kind: 'enterprise', scope_code: COUNTY },
  ]);
  const cadre = (u: string, community: string, since: string, i: number) => ({
    unit_id: u,
    name: `干部${i}`,
    phone_cipher: 'x',
    phone_index: `cadre-${i}`,
    phone_masked: '139****0000',
    community_code: community,
    since,
  });
  await insertRows(ctx, 'service_cadres', [
    cadre(unit, VILLAGE, '2025-06-01', 1),
    cadre(unit, VILLAGE, '2026-11-15', 2), // reports in November: not yet at October's end
    cadre(unit2, OTHER, '2025-06-01', 3),
  ]);
  await insertRows(
    ctx,
    'signature_services',
    [{ division_code: VILLAGE, name: '银龄互助', updated_at: at('2026-01-01') }],
    'division_code',
  );
}, 60_000);
afterAll(() => ctx.close());

describe('services in the cockpit', () => {
  it("a village's figures for the period, the previous period and last year; nothing of another village", async () => {
    const panels = await servicesCockpit(ctx.deps, viewOf(VILLAGE));
    expect(panels.map((p) => [p.key, p.status])).toEqual([
      ['services.activities', 'ready'],
      ['services.errands', 'ready'],
      ['services.partners', 'ready'],
    ]);
    const f = figuresOf(panels);
    expect(triple(f['services.activitiesHeld'])).toEqual([1, 1, 1]); // the cancelled one not held
    expect(triple(f['services.hoursCredited'])).toEqual([3.5, 3, 1]);
    expect(triple(f['services.participants'])).toEqual([2, 1, 1]);
    expect(triple(f['services.errandsAsked'])).toEqual([4, 1, 1]);
    expect(triple(f['services.errandsDone'])).toEqual([3, 1, 0]);
    expect(triple(f['services.errandsOnTimeRate'])).toEqual([66.7, 100, null]); // null: nothing done
    expect(triple(f['services.errandsRated'])).toEqual([3, 0, 0]);
    expect(triple(f['services.errandsSatisfaction'])).toEqual([66.7, null, null]);
    expect(triple(f['services.banners'])).toEqual([1, 0, 0]);
    expect(triple(f['services.praises'])).toEqual([1, 0, 0]);
    expect(triple(f['services.partnerUnits'])).toEqual([1, 1, 1]);
    expect(triple(f['services.cadresReporting'])).toEqual([2, 1, 1]);
    expect(triple(f['services.signatureServices'])).toEqual([1, null, null]);
    expect(f['services.hoursCredited'].drill).toBe(
      '/services-activities?scope=421081107212&from=2026-11-01&to=2026-11-30',
    );
    expect(f['services.partnerUnits'].ledger).toBe('/api/services/console/registers/units/export.xlsx');
    expect(f['services.errandsOnTimeRate'].formula?.zh).toContain('时限');
  });

  it('the town adds its villages and ranks them', async () => {
    const panels = await servicesCockpit(ctx.deps, viewOf(TOWN));
    const f = figuresOf(panels);
    expect(triple(f['services.hoursCredited'])).toEqual([7.5, 3, 1]);
    expect(f['services.errandsDone'].value).toBe(4);
    expect(f['services.partnerUnits'].value).toBe(2);
    const hours = panels[0].rankings[0];
    expect(hours).toMatchObject({ key: 'services.hoursByPlace', by: 'village' });
    expect(hours.rows.map((r) => [r.code, r.value])).toEqual([
      [OTHER, 4],
      [VILLAGE, 3.5],
    ]);
    expect(hours.rows[1].drill).toBe('/services-activities?scope=421081107212&from=2026-11-01&to=2026-11-30');
    expect(hours.rows[1].name).toBe('百子庵村委会');
  });

  it('尚无数据 where the module has no records at all', async () => {
    expectNoData(await servicesCockpit(ctx.deps, viewOf(EMPTY_TOWN)));
  });

  it('a kiosk gets the figures without drill links or ledgers', async () => {
    const panels = await servicesCockpit(ctx.deps, viewOf(TOWN, true));
    expectNoLinks(panels);
    expect(figuresOf(panels)['services.hoursCredited'].value).toBe(7.5);
  });
});
