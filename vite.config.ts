/** Multi-page build of the web apps: /admin (staff console) and /m (resident app) into dist/web. */
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { residentPwa } from './scripts/vite-resident-pwa';
import { routePreload } from './scripts/vite-route-preload';

const root = path.dirname(fileURLToPath(import.meta.url));
const webRoot = path.join(root, 'web');

/** `npm run dev:web`: deep links such as /admin/divisions get their app's page, as the server does. */
const spaFallback: Plugin = {
  name: 'cocreate-spa-fallback',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      const m = /^\/(admin|m)(\/[^.]*)?$/.exec(req.url?.split('?')[0] ?? '');
      if (m) req.url = `/${m[1]}/index.html`;
      next();
    });
  },
};

export default defineConfig({
  root: webRoot,
  base: '/',
  // every file over 1 KB also as .br and .gz: the server sends them as they are (weak rural networks)
  // /m's service worker and web app manifest: scripts/vite-resident-pwa.ts
  plugins: [
    react(),
    spaFallback,
    compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 }),
    residentPwa(),
    routePreload(), // /m/report and /m start their page's chunks with the entry's
  ],
  build: {
    outDir: path.join(root, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    manifest: true, // scripts/bundle-budget.mjs follows the resident app's static imports through it
    rollupOptions: {
      input: {
        admin: path.join(root, 'web/admin/index.html'),
        m: path.join(root, 'web/m/index.html'),
      },
    },
  },
  server: {
    // `npm run dev:web`: the API comes from a running demo server (npm start, port 3000).
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
