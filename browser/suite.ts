/** The browser suite: build if needed, start the demo, run every flow in a fresh context, always clean up. */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { anonymousReport } from './flows/anonymous-report';
import { auditorTotp } from './flows/auditor-totp';
import { caseLoop } from './flows/case-loop';
import { extraFields } from './flows/extra-fields';
import { languageSwitch } from './flows/language-switch';
import { pointsLoop } from './flows/points-loop';
import { registerImport } from './flows/register-import';
import { residentPlace } from './flows/resident-place';
import { townOfficerTree } from './flows/town-officer-tree';
import { type BrowserTest, runTest } from './harness';
import { startDemoServer } from './server';

// SMS codes may be requested once a minute per phone: resident-place uses 13800000002, the case loop 13800000001;
// the extra-fields flow 13800000003, the anonymous report 13800000004; the points loop (13800000002 again) runs last and waits out the minute if it must.
const ALL_TESTS: BrowserTest[] = [
  townOfficerTree,
  auditorTotp,
  residentPlace,
  languageSwitch,
  registerImport,
  caseLoop,
  extraFields,
  anonymousReport,
  pointsLoop,
];
// BROWSER_ONLY=slug[,slug…] runs only those flows (e.g. BROWSER_ONLY=h-anonymous-report npm run test:browser)
const ONLY = (process.env.BROWSER_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const TESTS = ONLY.length ? ALL_TESTS.filter((t) => ONLY.includes(t.slug)) : ALL_TESTS;
const SUITE_TIMEOUT_MS = 300_000;
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
  try {
    const { buildWebIfNeeded } = await import('../src/cli/commands/web-build');
    await buildWebIfNeeded();
    const server = await startDemoServer(ROOT);
    cleanups.push(server.stop);
    const browser: Browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    cleanups.push(() => browser.close());

    for (const test of TESTS) {
      const r = await runTest(browser, server.baseUrl, outDir, test);
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
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
  }
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}
