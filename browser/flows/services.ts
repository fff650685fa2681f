/**
 * Services (issue #14), two flows on the demo's 百子庵村:
 * (a) a resident (13914000001) signs up for an activity 百子庵村's officer published, checks in at the place
 *     by opening the link of the QR code the console shows (as the phone's camera would: the page opens with
 *     the code filled in; location from the phone), the officer confirms 1.5 hours in the console,
 *     and the resident sees the hours and 5 pending points;
 * (b) a resident (13914000002) asks for a red errand (社保卡补换), 百子庵村's officer gives it to the demo
 *     cadre 周建华 (17707160001) on the errand board, who accepts and finishes it on his phone, and the resident
 *     rates it with a 锦旗.
 */
import type { Page } from 'playwright-core';
import type { BrowserTest } from '../harness';
import { API_HEADERS, apiResidentSignIn, apiSignIn, MOBILE, posted } from '../helpers';

const VILLAGE = '421081107212';
const PLACE = { longitude: 112.42, latitude: 29.72 };
const RESIDENT = '13914000001';

export const servicesActivity: BrowserTest = {
  name: 'services: a resident signs up, checks in by the QR link at the place, the organiser confirms, hours and points appear',
  slug: 'services-activity',
  timeoutMs: 60_000,
  async run({ page, baseUrl }) {
    await apiSignIn(page, 'baizian');
    const now = Date.now();
    const created = await page.request.post('/api/services/activities', {
      headers: API_HEADERS,
      data: {
        title: `浏览器测试志愿服务 ${now}`,
        kind: 'volunteer',
        divisionCode: VILLAGE,
        organiserKind: 'community',
        place: '百子庵村党群服务中心',
        lng: PLACE.longitude,
        lat: PLACE.latitude,
        startsAt: new Date(now - 20 * 60_000).toISOString(),
        endsAt: new Date(now + 100 * 60_000).toISOString(),
        capacity: 5,
        audience: 'everyone',
      },
    });
    if (created.status() !== 201) throw new Error(`publish: HTTP ${created.status()} ${await created.text()}`);
    const activity = (await created.json()) as { id: string; title: string; checkinCode: string };

    // the console shows the QR code at the place: a link to the activity in the resident app
    await page.goto('/admin/services-activities');
    await page.locator(`tr[data-activity="${activity.title}"]`).click();
    const qr = page.locator('[data-checkin-url]');
    await qr.locator('canvas').waitFor();
    const checkinUrl = (await qr.getAttribute('data-checkin-url')) ?? '';
    const expected = `${new URL(page.url()).origin}/m/activities/${activity.id}?code=${activity.checkinCode}`;
    if (checkinUrl !== expected) throw new Error(`QR link: ${checkinUrl}, expected ${expected}`);
    await page.waitForTimeout(500); // the drawer slides in
    await page.screenshot({ path: 'browser/.out/services-activity-qr.png' });

    const phone = await page
      .context()
      .browser()!
      .newContext({ ...MOBILE, baseURL: baseUrl, geolocation: PLACE, permissions: ['geolocation'] });
    const m = await phone.newPage();
    try {
      m.setDefaultTimeout(15_000);
      // at the place: the phone's camera opens the QR code's link; signed out, the resident signs in with the
      // SMS code and comes back to it; not signed up yet, so sign up, then the code is already there
      await m.goto(checkinUrl);
      await m.waitForURL('**/m/sign-in');
      await m.locator('#cc-phone').fill(RESIDENT);
      await posted(m, '/api/auth/sms-code', () => m.getByTestId('m-send-code').click());
      const sms = await m.request.get(`/api/demo/sms?phone=${RESIDENT}`);
      const smsCode = ((await sms.json()) as { body: string | null }).body?.match(/\d{6}/)?.[0];
      if (!smsCode) throw new Error('no code in the demo SMS outbox');
      await m.locator('#cc-code').fill(smsCode);
      await m.getByTestId('m-signin').click();
      await m.waitForURL(`**/m/activities/${activity.id}?code=${activity.checkinCode}`);
      await m.getByText('请先报名').waitFor();
      await posted(m, `/activities/${activity.id}/signup`, () => m.getByTestId('m-act-signup').click());
      await m.getByTestId('m-act-scanned').waitFor();
      const filled = await m.getByTestId('m-act-code').locator('input').inputValue();
      if (filled !== activity.checkinCode) throw new Error(`code filled in: ${filled}`);
      await m.screenshot({ path: 'browser/.out/services-activity-scanned.png' });
      await posted(m, `/activities/${activity.id}/checkin`, () => m.getByTestId('m-act-checkin').click());
      await m.getByText('已签到').first().waitFor();

      // the organiser confirms 1.5 hours in the console
      await page.reload();
      await page.locator(`tr[data-activity="${activity.title}"]`).click();
      const row = page.locator('tr[data-signup]').first();
      await row.locator('input').fill('1.5');
      await posted(page, '/confirm', () => row.getByTestId('svc-confirm').click());
      await row.getByTestId('svc-confirmed').waitFor();

      // the resident: hours on the activity and in "my hours", 5 points pending
      await m.goto(`/m/activities/${activity.id}`);
      await m.getByTestId('m-act-hours').getByText('1.5').waitFor();
      await m.goto('/m/activities');
      await m.getByTestId('m-my-hours').getByText('1.5').waitFor();
      await m.goto('/m/points');
      await m.getByTestId('m-points-pending').getByText('5').waitFor();
    } finally {
      await phone.close();
    }
  },
};

export const servicesErrand: BrowserTest = {
  name: 'services: a resident asks for a red errand, a cadre of the village completes it, the resident rates it',
  slug: 'services-errand',
  timeoutMs: 60_000,
  async run({ page, baseUrl }) {
    const browser = page.context().browser()!;
    const resident = await browser.newContext({ ...MOBILE, baseURL: baseUrl });
    const cadre = await browser.newContext({ ...MOBILE, baseURL: baseUrl });
    try {
      const r = await resident.newPage();
      r.setDefaultTimeout(15_000);
      await apiResidentSignIn(r, '13914000002');
      const place = await r.request.put('/api/me/place', { headers: API_HEADERS, data: { divisionCode: VILLAGE } });
      if (!place.ok()) throw new Error(`PUT /api/me/place: HTTP ${place.status()}`);
      await r.goto('/m/errands/new');
      await r.locator('[data-item="shebao_card"]').click();
      await r.getByText('一寸照片').click();
      await r.getByTestId('m-errand-notes').locator('textarea').fill('腿脚不便，麻烦上门代办');
      const errand = (await posted(r, '/api/services/errands', () => r.getByTestId('m-errand-submit').click())) as {
        id: string;
        number: string;
      };
      await r.waitForURL(`**/m/errands/${errand.id}`);

      // 百子庵村's officer gives it to the cadre 周建华 on the errand board
      await apiSignIn(page, 'baizian');
      await page.goto('/admin/services-errands');
      await page.locator(`tr[data-errand="${errand.number}"]`).click();
      await page.getByTestId('svc-errand-handler').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '周建华' }).click();
      await posted(page, `/errands/${errand.id}/assign`, () => page.getByTestId('svc-errand-assign').click());

      // the cadre accepts and finishes it on his phone
      const c = await cadre.newPage();
      c.setDefaultTimeout(15_000);
      await apiResidentSignIn(c, '17707160001');
      await c.goto(`/m/errands/${errand.id}`);
      await posted(c, '/accept', () => c.getByTestId('m-errand-accept').click());
      await c.getByTestId('m-errand-note').locator('input').fill('新卡已办好并送到家');
      await posted(c, '/finish', () => c.getByTestId('m-errand-finish').click());
      await c.locator('[data-testid="m-errand"][data-state="done"]').waitFor();

      // the resident rates it and sends a 锦旗
      await r.reload();
      await r.locator('[data-thanks="banner"]').click();
      await posted(r, '/rate', () => r.getByTestId('m-errand-rate').click());
      await r.getByText('锦旗').last().waitFor();
    } finally {
      await resident.close();
      await cadre.close();
    }
  },
};
