/**
 * The module manifests: every module folder is in the one list (src/server/modules.ts) with its
 * manifest, and everything the server, the workers, the CLI and the two web apps are assembled from
 * comes from that list (see ARCHITECTURE.md, "Adding a module").
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandTable } from '../src/cli/commands';
import { loadServerModules } from '../src/server/assembly';
import { MODULES } from '../src/server/modules';
import { PLATFORM_ERRORS, errorSpec, registeredErrorCodes } from '../src/server/platform/errors';
import { outboxHandlers } from '../src/server/workers';
import { en as consoleEn, zh as consoleZh } from '../web/admin/dictionary';
import { CONSOLE_MODULES, PAGES } from '../web/admin/modules';

const ROOT = path.resolve(__dirname, '..');
const SERVER_MODULES = path.join(ROOT, 'src/server/modules');
const folders = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });

describe('server modules', () => {
  it('lists every module folder once, each with its <name>.module.ts', () => {
    expect(MODULES.map((m) => m.name).sort()).toEqual(folders(SERVER_MODULES).sort());
    for (const m of MODULES) expect(readdirSync(path.join(SERVER_MODULES, m.name))).toContain(`${m.name}.module.ts`);
  });

  it('keeps manifests light: at load time they import only their error table and labels (routes and services on demand)', () => {
    for (const m of MODULES) {
      const text = readFileSync(path.join(SERVER_MODULES, m.name, `${m.name}.module.ts`), 'utf8');
      const eager = [...text.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gms)].map((x) => x[1]);
      expect(
        eager.filter((p) => p !== `./${m.name}.errors` && p !== `./${m.name}.labels`),
        m.name,
      ).toEqual([]);
    }
  });

  it('registers every error code the server throws, each with its status and both messages', () => {
    const thrown = new Set<string>();
    for (const file of sources(path.join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      // `fail` of platform/errors (the sheets engine has a `fail` of its own, for row problems)
      const failIsOurs = /import \{[^}]*\bfail\b[^}]*\} from '[./]*(?:platform\/)?errors'/.test(text);
      const calls = failIsOurs ? /\b(?:AppError|fail)\(\s*'([a-z0-9_]+)'/g : /\bAppError\(\s*'([a-z0-9_]+)'/g;
      for (const [, code] of text.matchAll(calls)) thrown.add(code);
    }
    expect(thrown.size).toBeGreaterThan(50); // the scan is not blind
    expect([...thrown].filter((c) => !errorSpec(c))).toEqual([]);
    for (const code of registeredErrorCodes()) {
      const spec = errorSpec(code)!;
      expect(spec.status, code).toBeGreaterThanOrEqual(400);
      expect(spec.zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(spec.en, code).toMatch(/^[A-Z]/);
    }
  });

  it('declares each code once: in the platform or in one module', () => {
    const owners = new Map<string, string[]>();
    const own = (code: string, owner: string) => owners.set(code, [...(owners.get(code) ?? []), owner]);
    for (const code of Object.keys(PLATFORM_ERRORS)) own(code, 'platform');
    for (const m of MODULES) for (const code of Object.keys(m.errors ?? {})) own(code, m.name);
    expect([...owners].filter(([, o]) => o.length > 1)).toEqual([]);
  });

  it('assembles the outbox handlers and timers from the manifests', async () => {
    const modules = await loadServerModules();
    const deps = {} as Parameters<typeof outboxHandlers>[0]; // handlers are made, not run
    expect(Object.keys(await outboxHandlers(deps)).sort()).toEqual([
      'cases.filed',
      'cases.notify',
      'rollups.cases_changed',
    ]);
    expect(modules.flatMap((m) => (m.server.timers ?? []).map((t) => `${m.name}:${t.name}`))).toEqual([
      'cases:reminders',
      'cases:staged-photos',
      'points:points',
    ]);
  });

  it("assembles the CLI's commands from the platform's and the manifests', refusing a name used twice", () => {
    const fromModules = MODULES.flatMap((m) => Object.keys(m.commands ?? {}));
    expect(fromModules).toEqual(expect.arrayContaining(['points reconcile', 'audit verify', 'classify']));
    for (const name of fromModules) expect(COMMANDS[name], name).toBeDefined();
    expect(() => commandTable(COMMANDS, { classify: COMMANDS.classify })).toThrow(/declared twice/);
  });
});

describe('web modules', () => {
  it('lists every console module folder that declares a module (pages/<name>/index.tsx)', () => {
    const declared = folders(path.join(ROOT, 'web/admin/pages')).filter((f) =>
      readdirSync(path.join(ROOT, 'web/admin/pages', f)).includes('index.tsx'),
    );
    expect(CONSOLE_MODULES.map((m) => m.name).sort()).toEqual(declared.sort());
    const keys = PAGES.map((p) => p.key);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  it("joins the modules' strings into the console's dictionaries: every menu label in both languages", () => {
    for (const p of PAGES) {
      expect(consoleZh[p.label], p.label).toBeTruthy();
      expect(consoleEn[p.hint], p.hint).toBeTruthy();
    }
    expect(Object.keys(consoleEn).sort()).toEqual(Object.keys(consoleZh).sort());
    expect(consoleZh['menu.pointsAwards']).toBe('审核'); // a module's own string, joined
  });

  it('lists every resident tab folder that declares a tab (antd-mobile does not load in node: read from the source)', () => {
    const declared = folders(path.join(ROOT, 'web/m/pages')).filter((f) =>
      readdirSync(path.join(ROOT, 'web/m/pages', f)).includes('index.tsx'),
    );
    const list = readFileSync(path.join(ROOT, 'web/m/tabs.ts'), 'utf8');
    const listed = [...list.matchAll(/from '\.\/pages\/([^']+)'/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual(declared.sort());
  });
});
