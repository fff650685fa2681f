/** Serves the built web apps: /admin (staff console) and /m (resident app), with SPA fallback. */
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { App } from './types';

export async function registerWeb(app: App, distDir: string) {
  if (!existsSync(path.join(distDir, 'admin', 'index.html'))) {
    app.log.warn({ distDir }, 'web build not found: /admin and /m are not served (run `npm run build:web`)');
    return;
  }
  // preCompressed: the build wrote each file's .br and .gz (vite.config.ts); the client gets the one it accepts
  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    index: false,
    wildcard: false,
    cacheControl: false,
    preCompressed: true,
  });
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
    // the resident app's service worker and manifest: checked on every visit, so a deploy reaches phones
    else if (req.url === '/m/sw.js' || req.url === '/m/manifest.webmanifest') reply.header('cache-control', 'no-cache');
  });
  for (const appName of ['admin', 'm']) {
    const page = (
      _req: unknown,
      reply: { header: (k: string, v: string) => unknown; sendFile: (f: string) => unknown },
    ) => {
      reply.header('cache-control', 'no-cache');
      return reply.sendFile(`${appName}/index.html`);
    };
    app.get(`/${appName}`, page as never);
    app.get(`/${appName}/*`, page as never);
  }
  app.get('/', (_req, reply) => reply.redirect('/admin'));
}
