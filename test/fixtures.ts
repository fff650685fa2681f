/** Shared test fixtures: places in Shishou and a resident signed in by SMS. */
import type { Polygon } from 'geojson';
import { cookieOf, type TestActor, type TestContext } from './harness';

/** 石首市 county seat (WGS-84), inside the real outline; 绣林街道 金银垱社区 lies around it. */
export const COUNTY_SEAT: [number, number] = [112.419609, 29.723349];

/** A square polygon of half-width d degrees around a point (synthetic grid areas in tests). */
export function squareAround([x, y]: [number, number], d: number): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x - d, y - d],
        [x + d, y - d],
        [x + d, y + d],
        [x - d, y + d],
        [x - d, y - d],
      ],
    ],
  };
}

/** Signs a resident in by phone through the real SMS flow (code read from the dev gateway's outbox). */
export async function residentActor(ctx: TestContext, phone: string): Promise<TestActor> {
  const sent = await ctx.app.inject({ method: 'POST', url: '/api/auth/sms-code', payload: { phone } });
  if (sent.statusCode !== 200) throw new Error(`sms-code failed: ${sent.body}`);
  const { rows } = await ctx.db.owner.query<{ body: string }>('SELECT body FROM sms_outbox ORDER BY id DESC LIMIT 1');
  const res = await ctx.app.inject({
    method: 'POST',
    url: '/api/auth/sms-sign-in',
    payload: { phone, code: /(\d{6})/.exec(rows[0].body)![1] },
  });
  if (res.statusCode !== 200) throw new Error(`sms-sign-in failed: ${res.body}`);
  const cookie = cookieOf(res);
  const me = (await ctx.app.inject({ url: '/api/me', headers: { cookie } })).json();
  return { userId: me.user.id, username: phone, cookie };
}
