/** Steps the flows share: demo data from the API, staff sign-in through the form. */
import type { Page } from 'playwright-core';

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
