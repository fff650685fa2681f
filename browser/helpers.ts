/** Steps the flows share: demo data from the API, staff sign-in through the form. */
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

export interface DemoStaff {
  username: string;
  totpCode?: string;
}

export async function demoInfo(page: Page): Promise<{ password: string; staff: DemoStaff[] }> {
  const res = await page.request.get('/api/demo');
  if (!res.ok()) throw new Error(`GET /api/demo: HTTP ${res.status()}`);
  return (await res.json()) as { password: string; staff: DemoStaff[] };
}

export async function currentTotp(page: Page, username: string): Promise<string> {
  const code = (await demoInfo(page)).staff.find((s) => s.username === username)?.totpCode;
  if (!code) throw new Error(`no TOTP code for ${username} in /api/demo`);
  return code;
}

/** Opens /admin, which sends an unsigned visitor to the sign-in page, and submits username and password. */
export async function submitPassword(page: Page, username: string): Promise<void> {
  const { password } = await demoInfo(page);
  await page.goto('/admin');
  await page.waitForURL('**/admin/sign-in');
  await page.locator('#cc-username').fill(username);
  await page.locator('#cc-password').fill(password);
  await page.getByTestId('signin-submit').click();
}

/** Signs in a staff member without TOTP and waits for the console menu. */
export async function signInStaff(page: Page, username: string): Promise<void> {
  await submitPassword(page, username);
  await page.getByTestId('console-menu').waitFor();
}

/** Clicks a side-menu entry by its visible label. */
export async function openMenu(page: Page, label: string): Promise<void> {
  await page.getByTestId('console-menu').getByRole('menuitem', { name: label }).click();
}

/** What the web apps' API client sends with every request; API calls of a flow that carry the session cookie need it (CSRF check). */
export const API_HEADERS = { 'X-Requested-With': 'cocreate' };

/** Signs a staff member in through the API (the context keeps the cookie); for flows with several roles. */
export async function apiSignIn(page: Page, username: string): Promise<void> {
  await page.request.post('/api/auth/sign-out', { headers: API_HEADERS }).catch(() => undefined);
  const { password } = await demoInfo(page);
  const res = await page.request.post('/api/auth/sign-in', { headers: API_HEADERS, data: { username, password } });
  if (!res.ok()) throw new Error(`sign-in ${username}: HTTP ${res.status()}`);
  const step = (await res.json()) as { stage: string };
  if (step.stage !== 'active') throw new Error(`sign-in ${username}: stage ${step.stage}`);
}

/** Signs a resident in with the demo SMS code through the API. */
export async function apiResidentSignIn(page: Page, phone: string): Promise<void> {
  const sent = await page.request.post('/api/auth/sms-code', { headers: API_HEADERS, data: { phone } });
  if (!sent.ok())
    throw new Error(`sms-code ${phone}: HTTP ${sent.status()} (codes may be requested once a minute per phone)`);
  const sms = await page.request.get(`/api/demo/sms?phone=${phone}`);
  const code = ((await sms.json()) as { body: string | null }).body?.match(/\d{6}/)?.[0];
  if (!code) throw new Error('no code in the demo SMS outbox');
  const res = await page.request.post('/api/auth/sms-sign-in', { headers: API_HEADERS, data: { phone, code } });
  if (!res.ok()) throw new Error(`sms-sign-in: HTTP ${res.status()}`);
}

/** A valid GB 11643 ID number: region, birth date, 3-digit sequence, then the check character. */
export function idNumber(region: string, birth: string, seq: number): string {
  const body = `${region}${birth}${String(seq).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** A 2×2 PNG (red, green, blue, white) for photo uploads. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8DAAMIM/4EAAB/uBfsL2WiLAAAAAElFTkSuQmCC',
  'base64',
);

/** A phone-sized context for the resident app. */
export const MOBILE = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  locale: 'zh-CN',
} as const;

/**
 * A phone standing inside the first grid of a village (the vertex mean of its cell), with location
 * permission: signs the console page in as the demo grid worker to read the grid map. Close it after.
 */
export async function phoneInVillageGrid(
  page: Page,
  baseUrl: string,
  villageCode: string,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  await apiSignIn(page, 'gridworker');
  const grids = (await (await page.request.get('/api/grids/map', { params: { scope: villageCode } })).json()) as {
    features: { geometry: { coordinates: number[][][] } }[];
  };
  const ring = grids.features[0].geometry.coordinates[0].slice(0, -1);
  const geolocation = {
    longitude: ring.reduce((a, p) => a + p[0], 0) / ring.length,
    latitude: ring.reduce((a, p) => a + p[1], 0) / ring.length,
  };
  return page
    .context()
    .browser()!
    .newContext({ ...MOBILE, baseURL: baseUrl, geolocation, permissions: ['geolocation'], ...options });
}

/** In the resident app's report form: searches the plain-word problems (issue #11) and takes one by its word. */
export async function pickProblem(m: Page, search: string, word: string): Promise<void> {
  await m.getByTestId('m-category').click();
  await m.getByTestId('m-category-search').locator('input').fill(search);
  await m.getByTestId('m-category-list').locator(`[data-word="${word}"]`).click();
  await m.getByTestId('m-category-value').getByText(word).waitFor();
}

/** Submits the resident's report, answering "report anyway" if a nearby case is offered, and waits for the done page. */
export async function submitReport(m: Page): Promise<void> {
  await m.getByTestId('m-report-submit').click();
  const continueAnyway = m.getByRole('button', { name: '仍要上报' });
  await m.getByTestId('m-report-done').or(continueAnyway).waitFor();
  if (await continueAnyway.isVisible()) await continueAnyway.click();
  await m.getByTestId('m-report-done').waitFor();
}

/**
 * Submits the open case-event dialog (ActionModal) and waits for its POST: once the dialog has finished
 * opening (antd's zoom motion) and holds its form, as a person would see it before pressing OK. If no
 * request leaves, the error names what the form says is wrong.
 */
export async function submitCaseAction(page: Page, what: string): Promise<unknown> {
  const form = page.getByTestId('action-form');
  await form.waitFor();
  await page.waitForFunction(() => {
    const modal = document.querySelector('#cc-action-ok')?.closest('.ant-modal');
    return !!modal && !/\bant-zoom-(appear|enter)/.test(modal.className);
  });
  const posted = page.waitForResponse((r) => r.url().includes('/events') && r.request().method() === 'POST', {
    timeout: 10_000,
  });
  await page.locator('#cc-action-ok').click();
  const res = await posted.catch(async (e: unknown) => {
    const said = await page.locator('.ant-form-item-explain-error').allInnerTexts();
    throw new Error(`${what}: no request after OK${said.length ? ` (the form says: ${said.join('; ')})` : ''}: ${e}`);
  });
  if (!res.ok()) throw new Error(`${what}: HTTP ${res.status()} ${await res.text()}`);
  await form.waitFor({ state: 'detached' });
  return res.json().catch(() => null);
}

/** Runs a UI action and waits for the write it sends (POST, PUT or PATCH to a URL containing `urlPart`); fails on an error answer. */
export async function posted(page: Page, urlPart: string, action: () => Promise<void>): Promise<unknown> {
  const res = page.waitForResponse(
    (r) => r.url().includes(urlPart) && ['POST', 'PUT', 'PATCH'].includes(r.request().method()),
  );
  // If the action fails, the wait would reject later (when the page closes) with no one listening.
  res.catch(() => undefined);
  await action();
  const r = await res;
  if (!r.ok()) throw new Error(`${r.request().method()} ${urlPart}: HTTP ${r.status()} ${await r.text()}`);
  return r.json().catch(() => null);
}
