/**
 * The resident app's deep links start their page's code with the app's (issue #11, weak networks): a
 * small script, emitted as m/route-preload.js and put first in /m's HTML (async: it holds up nothing), reads the address and adds
 * modulepreload links for that page's chunks (and its stylesheets), so a resident opening 上报 from a
 * link or the home screen does not wait for the app's entry before the report page's code starts
 * coming. It asks /api/site and /api/me at once too (web/shared/api.ts takes these answers instead
 * of asking again). Without it the page's chunks and the session are asked only once the entry has
 * run: two slow rounds of requests more. An external file, not an inline script: the CSP allows only
 * 'self' scripts.
 */
import path from 'node:path';
import type { Plugin, Rollup } from 'vite';
import { EARLY_KEY, EARLY_PATHS } from '../web/shared/early';
import { LANG_KEY } from '../web/shared/lang-key';

type OutputChunk = Rollup.OutputChunk;

/** Address → the page module it opens (paths relative to the repository). */
const ROUTES: Record<string, string> = {
  '/m/report': 'web/m/pages/report/ReportPage.tsx',
  '/m': 'web/m/pages/home/HomePage.tsx',
  '/m/': 'web/m/pages/home/HomePage.tsx',
};

const SCRIPT = 'm/route-preload.js';

/** A page chunk's own files: it and its static imports (not the entry's), with their stylesheets. */
function pageFiles(bundle: Rollup.OutputBundle, page: OutputChunk, entry: Set<string>): string[] {
  const files: string[] = [];
  const walk = (c: OutputChunk) => {
    if (entry.has(c.fileName) || files.includes(c.fileName)) return;
    files.push(c.fileName);
    const css = (c as OutputChunk & { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss;
    for (const f of css ?? []) if (!files.includes(f)) files.push(f);
    for (const f of c.imports) {
      const next = bundle[f];
      if (next?.type === 'chunk') walk(next);
    }
  };
  walk(page);
  return files;
}

/** The entry's static closure (already in the HTML's own preloads). */
function entryFiles(bundle: Rollup.OutputBundle, entry: OutputChunk): Set<string> {
  const seen = new Set<string>();
  const walk = (c: OutputChunk) => {
    if (seen.has(c.fileName)) return;
    seen.add(c.fileName);
    for (const f of c.imports) {
      const next = bundle[f];
      if (next?.type === 'chunk') walk(next);
    }
  };
  walk(entry);
  return seen;
}

const script = (routes: Record<string, string[]>) => `(function () {
  var files = ${JSON.stringify(routes)}[location.pathname];
  if (!files) return;
  var lang = 'zh-CN';
  try {
    if (localStorage.getItem(${JSON.stringify(LANG_KEY)}) === 'en') lang = 'en';
  } catch (e) {}
  var headers = { 'Accept-Language': lang, Accept: 'application/json', 'X-Requested-With': 'cocreate' };
  var early = (window[${JSON.stringify(EARLY_KEY)}] = {});
  ${JSON.stringify(EARLY_PATHS)}.forEach(function (p) {
    var f = fetch(p, { credentials: 'same-origin', headers: headers });
    f.catch(function () {}); // the app's own ask sees the failure; none left unhandled here
    early[p] = f;
  });
  files.forEach(function (f) {
    var l = document.createElement('link');
    if (/\\.css$/.test(f)) l.rel = 'stylesheet';
    else l.rel = 'modulepreload';
    l.href = '/' + f;
    document.head.appendChild(l);
  });
})();
`;

export function routePreload(): Plugin {
  let root = '';
  return {
    name: 'cocreate-route-preload',
    apply: 'build',
    enforce: 'post', // after vite:build-html has put m/index.html in the bundle
    configResolved(c) {
      root = path.resolve(c.root, '..');
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry && c.name === 'm');
      if (!entry) throw new Error('route preload: no /m entry in the bundle');
      const inEntry = entryFiles(bundle, entry);
      const routes: Record<string, string[]> = {};
      for (const [address, module] of Object.entries(ROUTES)) {
        const id = path.join(root, module);
        const page = chunks.find((c) => c.moduleIds.includes(id)); // its own chunk or a group's (vite.config.ts)
        if (!page) throw new Error(`route preload: no chunk for ${module}`);
        routes[address] = pageFiles(bundle, page, inEntry);
      }
      this.emitFile({ type: 'asset', fileName: SCRIPT, source: script(routes) });
      const html = bundle['m/index.html'];
      if (html?.type !== 'asset') throw new Error('route preload: no m/index.html in the bundle');
      html.source = String(html.source).replace('<head>', `<head>\n    <script src="/${SCRIPT}" async></script>`);
    },
  };
}
