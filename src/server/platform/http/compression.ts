/**
 * Compressed answers for weak networks: API JSON is compressed on the fly (brotli at a low quality,
 * cheap on the CPU, or gzip) when it is over 1 KB and the client accepts it; the web apps' files are
 * compressed once at build time (vite-plugin-compression2) and served as they are (web.ts,
 * `preCompressed`), so this plugin leaves answers that already carry an encoding alone.
 */
import compress from '@fastify/compress';
import { constants } from 'node:zlib';
import type { App } from './types';

export async function registerCompression(app: App): Promise<void> {
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
