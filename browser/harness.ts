/** Runs one named browser test in a fresh context; screenshots the final state to browser/.out/. */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import path from 'node:path';

export interface TestContext {
  page: Page;
  baseUrl: string;
}

export interface BrowserTest {
  name: string;
  /** File name of the screenshot (browser/.out/<slug>.png). */
  slug: string;
  context?: BrowserContextOptions;
  /**
   * Chromium flags of its own (e.g. a fake camera): the flow then runs in a browser launched for it
   * alone. A function, so it can prepare what the flags name (a video file) before the launch.
   */
  launchArgs?: () => Promise<string[]>;
  /** Longer than the default 60 s (e.g. a flow that waits for background workers). */
  timeoutMs?: number;
  /** Flows run in file-name order, then by this (default 0): a higher one runs after the others. */
  order?: number;
  run: (t: TestContext) => Promise<void>;
}

export interface TestResult {
  ok: boolean;
  error?: string;
  details?: string;
}

const TEST_TIMEOUT_MS = 60_000;

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export async function runTest(
  browser: Browser,
  baseUrl: string,
  outDir: string,
  test: BrowserTest,
): Promise<TestResult> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    ...test.context,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  try {
    await withTimeout(test.run({ page, baseUrl }), test.timeoutMs ?? TEST_TIMEOUT_MS, test.name);
    if (pageErrors.length) throw new Error(`uncaught error in the page: ${pageErrors[0]}`);
    await page.screenshot({ path: path.join(outDir, `${test.slug}.png`), fullPage: true });
    return { ok: true };
  } catch (e) {
    await page
      .screenshot({ path: path.join(outDir, `${test.slug}-failed.png`), fullPage: true })
      .catch(() => undefined);
    const details = [
      `url: ${page.url()}`,
      ...pageErrors.map((x) => `page error: ${x}`),
      ...consoleErrors.slice(-5).map((x) => `console: ${x}`),
    ].join('\n');
    const message = e instanceof Error ? e.message : String(e);
    const waiting = /waiting for (.*)/.exec(message)?.[1];
    return { ok: false, error: message.split('\n')[0] + (waiting ? ` (waiting for ${waiting})` : ''), details };
  } finally {
    await context.close().catch(() => undefined);
  }
}
