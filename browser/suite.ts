/** The browser suite: build if needed, start the demo, run every flow in a fresh context, always clean up. */
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { type BrowserTest, runTest } from './harness';
import { startDemoServer } from './server';

const FLOWS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'flows');

const isBrowserTest = (v: unknown): v is BrowserTest =>
  typeof v === 'object' && v !== null && typeof (v as BrowserTest).slug === 'string' && 'run' in v;

/**
 * Every flow exported by a file of browser/flows/ (a new flow is a new file, no list to edit), in
 * file-name order, then by `order` (flows sharing an SMS phone set it: one code a minute per phone).
 */
async function discoverFlows(): Promise<BrowserTest[]> {
  const files = (await readdir(FLOWS)).filter((f) => f.endsWith('.ts')).sort();
  const found: BrowserTest[] = [];
  for (const f of files)
    found.push(...Object.values(await import(pathToFileURL(path.join(FLOWS, f)).href)).filter(isBrowserTest));
  const slugs = found.map((t) => t.slug);
  const twice = slugs.filter((s, i) => slugs.indexOf(s) !== i);
  if (twice.length) throw new Error(`browser flows with the same slug: ${twice.join(', ')}`);
  return found.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
}

const ALL_TESTS = await discoverFlows();
// BROWSER_ONLY=slug[,slug…] runs only those flows (e.g. BROWSER_ONLY=h-anonymous-report npm run test:browser)
const ONLY = (process.env.BROWSER_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const TESTS = ONLY.length ? ALL_TESTS.filter((t) => ONLY.includes(t.slug)) : ALL_TESTS;
const SUITE_TIMEOUT_MS = 600_000;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const launch = (extra: string[]): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extra],
  });

export async function runSuite(): Promise<number> {
  const outDir = path.join(ROOT, 'browser/.out');
  await mkdir(outDir, { recursive: true });
  const cleanups: (() => Promise<unknown>)[] = [];
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  };
  const abort = (why: string) => {
    console.error(`✗ ${why}`);
    console.log(`0 passed, ${TESTS.length} failed`);
    void cleanup().finally(() => process.exit(1));
  };
  const watchdog = setTimeout(() => abort(`suite timed out after ${SUITE_TIMEOUT_MS / 1000} s`), SUITE_TIMEOUT_MS);
  const onSignal = () => abort('interrupted');
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let passed = 0;
  let failed = 0;
  // A wait a flow left behind that fails after the flow ended is a failure of the suite, not a crash of it.
  let strays = 0;
  const onStray = (e: unknown) => {
    strays++;
    console.log(
      `✗ a flow left a wait behind that failed later: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
    );
  };
  process.on('unhandledRejection', onStray);
  try {
    const { buildWebIfNeeded } = await import('../src/cli/commands/web-build');
    await buildWebIfNeeded();
    // BROWSER_BASE_URL: run against a demo already running (iterating on one flow on a loaded machine)
    const external = process.env.BROWSER_BASE_URL;
    const server = external ? { baseUrl: external } : await startDemoServer(ROOT);
    if (!external) cleanups.push((server as Awaited<ReturnType<typeof startDemoServer>>).stop);
    const browser: Browser = await launch([]);
    cleanups.push(() => browser.close());

    for (const test of TESTS) {
      // A flow with flags of its own gets a browser of its own, closed after it.
      const own = test.launchArgs ? await launch(await test.launchArgs()) : null;
      const r = await runTest(own ?? browser, server.baseUrl, outDir, test).finally(() => own?.close());
      if (r.ok) {
        passed++;
        console.log(`✓ ${test.name}`);
      } else {
        failed++;
        console.log(`✗ ${test.name}: ${r.error}`);
        if (r.details) console.log(r.details.replace(/^/gm, '    '));
      }
    }
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    console.log(`✗ setup: ${message}`);
    for (const test of TESTS.slice(passed + failed)) {
      failed++;
      console.log(`✗ ${test.name}: not run`);
    }
  } finally {
    clearTimeout(watchdog);
    process.off('unhandledRejection', onStray);
    failed += strays;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}
