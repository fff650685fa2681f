/**
 * The resident app as an installable, offline-capable web app (issue #11): a web app manifest
 * (共同缔造, theme colour, PNG icons drawn at build time) and a service worker at /m/sw.js (scope /m/)
 * made by workbox-build's generateSW. It precaches /m's shell and every chunk /m loads — static and
 * lazy, with their CSS — and nothing of the console's; /m navigations are answered with the shell
 * (offline too), /api never touched. A new deploy's worker takes over at once (skipWaiting,
 * clientsClaim) and drops the old precache; web/m/pwa.ts reloads a page only when it needs a chunk
 * the new deploy no longer has.
 */
import path from 'node:path';
import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

const THEME = '#b7141b';
const ICON_SIZES = [192, 512] as const;

/** A simple icon: the red of the app with a white roof and door (no text: no fonts needed at build). */
const iconSvg = (
  size: number,
) => `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
  <rect width="100" height="100" fill="${THEME}"/>
  <path d="M50 22 L80 46 L73 46 L73 76 L27 76 L27 46 L20 46 Z" fill="#fff"/>
  <rect x="43" y="54" width="14" height="22" fill="${THEME}"/>
  <circle cx="50" cy="40" r="5" fill="#ffd666"/>
</svg>`;

const manifest = {
  name: '共同缔造 · 居民端',
  short_name: '共同缔造',
  description: '随手拍上报问题、查看办理进度、积分与服务',
  lang: 'zh-CN',
  start_url: '/m/',
  scope: '/m/',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: THEME,
  icons: ICON_SIZES.flatMap((s) => [
    { src: `/m/icons/icon-${s}.png`, sizes: `${s}x${s}`, type: 'image/png', purpose: 'any' },
    { src: `/m/icons/icon-${s}.png`, sizes: `${s}x${s}`, type: 'image/png', purpose: 'maskable' },
  ]),
};

/** Every file the /m entry loads, statically or lazily, with their CSS and assets. */
function residentFiles(bundle: OutputBundle): Set<string> {
  const files = new Set<string>();
  const entry = Object.values(bundle).find((c): c is OutputChunk => c.type === 'chunk' && c.isEntry && c.name === 'm');
  if (!entry) throw new Error('resident PWA: no /m entry in the bundle');
  const walk = (c: OutputChunk) => {
    if (files.has(c.fileName)) return;
    files.add(c.fileName);
    const meta = (c as OutputChunk & { viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> } })
      .viteMetadata;
    for (const f of meta?.importedCss ?? []) files.add(f);
    for (const f of meta?.importedAssets ?? []) files.add(f);
    for (const f of [...c.imports, ...c.dynamicImports]) {
      const next = bundle[f];
      if (next?.type === 'chunk') walk(next);
    }
  };
  walk(entry);
  return files;
}

export function residentPwa(): Plugin {
  let outDir = '';
  let files = new Set<string>();
  return {
    name: 'cocreate-resident-pwa',
    apply: 'build',
    configResolved(c) {
      outDir = path.resolve(c.root, c.build.outDir);
    },
    async generateBundle(_options, bundle) {
      files = residentFiles(bundle);
      const sharp = (await import('sharp')).default;
      for (const size of ICON_SIZES) {
        const png = await sharp(Buffer.from(iconSvg(size)))
          .png()
          .toBuffer();
        this.emitFile({ type: 'asset', fileName: `m/icons/icon-${size}.png`, source: png });
      }
      this.emitFile({ type: 'asset', fileName: 'm/manifest.webmanifest', source: JSON.stringify(manifest, null, 2) });
    },
    async closeBundle() {
      const { generateSW } = await import('workbox-build');
      const shell = [
        'm/index.html',
        'm/manifest.webmanifest',
        'm/route-preload.js',
        ...ICON_SIZES.map((s) => `m/icons/icon-${s}.png`),
      ];
      const { count, size } = await generateSW({
        swDest: path.join(outDir, 'm/sw.js'),
        globDirectory: outDir,
        globPatterns: [...shell, 'assets/*.{js,css,png,svg,woff2}'],
        globIgnores: ['**/*.br', '**/*.gz'],
        // only /m's files: the console's chunks share the assets folder
        manifestTransforms: [
          async (entries) => ({
            // after modifyURLPrefix: '/assets/x.js'
            manifest: entries.filter((e) => shell.includes(e.url.slice(1)) || files.has(e.url.slice(1))),
            warnings: [],
          }),
        ],
        modifyURLPrefix: { '': '/' }, // precache '/assets/…', not relative to /m/sw.js
        dontCacheBustURLsMatching: /^\/assets\//, // hashed names
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        navigateFallback: '/m/index.html',
        navigateFallbackAllowlist: [/^\/m(\/|$)/],
        navigateFallbackDenylist: [/^\/api\//, /^\/admin/],
        cleanupOutdatedCaches: true,
        skipWaiting: true,
        clientsClaim: true,
        inlineWorkboxRuntime: true, // one file: script-src 'self' and no extra request
        mode: 'production',
        sourcemap: false,
      });
      this.environment?.logger.info(`resident PWA: /m/sw.js precaches ${count} files (${Math.round(size / 1024)} KB)`);
    },
  };
}
