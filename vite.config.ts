/** Multi-page build of the web apps: /admin (staff console) and /m (resident app) into dist/web. */
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

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
  plugins: [react(), spaFallback],
  build: {
    outDir: path.join(root, 'dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
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
