/**
 * (#11 item 6) Every resident page at 390×844, in the normal and the elderly mode (适老化), checked
 * with axe-core: no serious or critical violation. In the elderly mode also: tap targets of at least
 * 48 px, body text of at least 18 px. The pages are the public ones (no sign-in) and the routes of
 * web/m/tabs.ts, each detail page
 * with an id read from the API (a case of the resident's own, a public case, an activity, an
 * errand, a matter, a selection). The full results go to browser/.out/axe.json.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import type { BrowserTest } from '../harness';
import { API_HEADERS, apiResidentSignIn, apiSignIn, MOBILE } from '../helpers';
import { pointInGrid } from './points-helpers';

const PHONE = '13927000010';
const VILLAGE = '421081107212';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

type Json = Record<string, unknown>;
const getJson = async <T = Json>(page: Page, url: string): Promise<T> => {
  const res = await page.request.get(url);
  if (!res.ok()) throw new Error(`GET ${url}: HTTP ${res.status()}`);
  return (await res.json()) as T;
};
const firstId = async (page: Page, url: string, key = 'id'): Promise<string | null> => {
  const items = (await getJson<{ items?: Json[] }>(page, url)).items ?? [];
  const v = items.find((i) => i[key])?.[key];
  return typeof v === 'string' ? v : null;
};

/** The resident's pages (paths under /m), detail pages with ids found through the API. */
async function residentPaths(m: Page, caseId: string): Promise<{ paths: string[]; missing: string[] }> {
  const ids = {
    nearby: await firstId(m, '/api/public/cases?limit=5', 'number'),
    activity: await firstId(m, '/api/services/activities?limit=5'),
    errand: await firstId(m, '/api/services/me/errands?limit=5'),
    selection: await firstId(m, '/api/selections?limit=5'),
    matter: await firstId(m, '/api/deliberation/board?limit=20', 'matterId'),
  };
  const paths = [
    '/',
    '/report',
    `/report/done/${caseId}`,
    '/points',
    '/me',
    '/me/reports',
    `/me/reports/${caseId}`,
    '/notifications',
    '/nearby',
    '/stations',
    '/stations/help',
    '/activities',
    '/errands',
    '/errands/new',
    '/deliberation',
    '/worklists',
    '/selections',
    '/woodpecker',
  ];
  const missing: string[] = [];
  const detail = (id: string | null, p: string) => (id ? paths.push(p.replace(':id', id)) : missing.push(p));
  detail(ids.nearby, '/nearby/:id');
  detail(ids.activity, '/activities/:id');
  detail(ids.errand, '/errands/:id');
  detail(ids.selection, '/selections/:id');
  detail(ids.matter, '/deliberation/matters/:id');
  return { paths, missing };
}

interface PageResult {
  mode: string;
  path: string;
  violations: { id: string; impact: string | null; help: string; nodes: string[] }[];
  smallTargets: string[];
  smallText: string[];
}

/**
 * Visible tap targets under 48 px and text under 18 px (the elderly mode's promises). A string, not a
 * function: the flow runs through tsx, whose keepNames helper (__name) does not exist in the page.
 */
const ELDERLY_MEASURES = `(() => {
  function visible(e) {
    const r = e.getBoundingClientRect();
    const s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
  }
  function name(e) {
    const cls = typeof e.className === 'string' && e.className ? '.' + e.className.split(' ')[0] : '';
    return e.tagName.toLowerCase() + cls + ' “' + (e.textContent || '').trim().slice(0, 16) + '”';
  }
  const targets = [...document.querySelectorAll(
    'button, a[href], [role="button"], [role="tab"], [role="radio"], [role="checkbox"], input:not([type="hidden"]), textarea, select, .adm-tab-bar-item',
  )].filter(visible);
  // a control inside a larger clickable (a radio's or checkbox's label, a list item) counts as that
  const smallTargets = targets.filter((e) => {
    const box = (e.closest('label, .adm-list-item, .adm-tab-bar-item, .adm-radio, .adm-checkbox') || e).getBoundingClientRect();
    return box.height < 47.5 || box.width < 47.5;
  }).map(name);
  const smallText = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || !(n.textContent || '').trim() || !visible(el)) continue;
    if (el.closest('[aria-hidden="true"], .adm-badge, sup')) continue;
    if (Number.parseFloat(getComputedStyle(el).fontSize) < 17.5) smallText.push(name(el));
  }
  return { smallTargets: [...new Set(smallTargets)], smallText: [...new Set(smallText)].slice(0, 20) };
})()`;

const setMode = (m: Page, elderly: boolean) =>
  m.evaluate(`localStorage.setItem('cc.elderly', '${elderly ? '1' : '0'}')`);

const OUT = path.resolve('browser/.out/axe.json');

async function check(m: Page, mode: string, p: string): Promise<PageResult> {
  const started = Date.now();
  await m.goto(`/m${p}`);
  await m.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => undefined);
  await m
    .locator('.adm-dot-loading')
    .first()
    .waitFor({ state: 'detached', timeout: 8000 })
    .catch(() => undefined);
  await m
    .locator('.adm-toast-mask')
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
  const axe = await new AxeBuilder({ page: m }).withTags(TAGS).analyze();
  const measures =
    mode === 'elderly'
      ? ((await m.evaluate(ELDERLY_MEASURES)) as { smallTargets: string[]; smallText: string[] })
      : { smallTargets: [], smallText: [] };
  if (process.env.AXE_VERBOSE) console.log(`  axe ${mode} ${p}: ${axe.violations.length} (${Date.now() - started} ms)`);
  return {
    mode,
    path: p,
    violations: axe.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 8),
    })),
    ...measures,
  };
}

export const residentAxe: BrowserTest = {
  name: 'every resident page passes axe (no serious or critical) in the normal and the elderly mode',
  slug: 'h-resident-axe',
  timeoutMs: 420_000, // about forty pages with axe each; slow on a loaded machine
  async run({ page, baseUrl }) {
    const browser = page.context().browser()!;
    const results: PageResult[] = [];
    const mobile = await browser.newContext({ ...MOBILE, baseURL: baseUrl });
    const m = await mobile.newPage();
    try {
      // the pages without sign-in (the sign-in page, the riders' stations, the projects' progress), in both modes
      for (const mode of ['normal', 'elderly']) {
        await m.goto('/m/sign-in');
        await setMode(m, mode === 'elderly');
        for (const p of ['/sign-in', '/stations/public', '/public/projects?place=421081107212'])
          results.push(await check(m, mode, p));
      }

      await apiSignIn(page, 'gridworker');
      const [lng, lat] = await pointInGrid(page, VILLAGE);
      await apiResidentSignIn(m, PHONE);
      const placed = await m.request.put('/api/me/place', { headers: API_HEADERS, data: { divisionCode: VILLAGE } });
      if (!placed.ok()) throw new Error(`PUT /api/me/place: HTTP ${placed.status()}`);
      const reported = await m.request.post('/api/cases', {
        headers: { ...API_HEADERS, 'Idempotency-Key': crypto.randomUUID() },
        data: { description: '村口路灯不亮，晚上看不见路', categoryCode: '06010', lng, lat, coordSystem: 'wgs84' },
      });
      if (reported.status() !== 201) throw new Error(`report: HTTP ${reported.status()} ${await reported.text()}`);
      const caseId = ((await reported.json()) as { id: string }).id;
      // an errand of their own, for its page
      const items = await getJson<{ id: string }[]>(m, '/api/services/errand-items');
      const errand = await m.request.post('/api/services/errands', {
        headers: API_HEADERS,
        data: { itemId: items[0]?.id, divisionCode: VILLAGE, notes: '', documents: [] },
      });
      if (errand.status() !== 201) throw new Error(`errand: HTTP ${errand.status()} ${await errand.text()}`);
      const { paths, missing } = await residentPaths(m, caseId);

      for (const mode of ['normal', 'elderly']) {
        await setMode(m, mode === 'elderly');
        for (const p of paths) {
          results.push(await check(m, mode, p));
          await writeFile(OUT, JSON.stringify({ partial: true, results }, null, 2)); // what was found so far
        }
      }
      const bad = results.flatMap((r) =>
        r.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${r.mode} ${r.path}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).join(' | ')}`),
      );
      const small = results.flatMap((r) =>
        r.smallTargets.length ? [`${r.path}: tap targets under 48 px: ${r.smallTargets.slice(0, 5).join(', ')}`] : [],
      );
      const summary = {
        pages: paths.length + 1,
        modes: 2,
        missing,
        serious: bad.length,
        byRule: Object.fromEntries(
          [...new Set(results.flatMap((r) => r.violations.map((v) => `${v.id} (${v.impact})`)))].map((k) => [
            k,
            results.filter((r) => r.violations.some((v) => `${v.id} (${v.impact})` === k)).length,
          ]),
        ),
      };
      await writeFile(OUT, JSON.stringify({ summary, results }, null, 2));
      if (missing.length) throw new Error(`no id in the demo for ${missing.join(', ')}`);
      if (bad.length || small.length) throw new Error([...bad, ...small].join('\n'));
    } finally {
      await mobile.close();
    }
  },
};
