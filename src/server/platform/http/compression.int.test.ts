/**
 * Weak networks (issue #11): API JSON is compressed when the client accepts it; the web apps' files are
 * served as the build compressed them (.br / .gz beside each file), hashed assets cached for a year,
 * the pages themselves revalidated.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness';

const SCRIPT = `console.log(${JSON.stringify('共同缔造 '.repeat(400))});`;
let ctx: TestContext;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'cocreate-web-'));
  for (const app of ['admin', 'm']) {
    mkdirSync(path.join(dist, app));
    writeFileSync(path.join(dist, app, 'index.html'), `<!doctype html><title>${app}</title>`);
  }
  mkdirSync(path.join(dist, 'assets'));
  const asset = path.join(dist, 'assets', 'm-abc123.js');
  writeFileSync(asset, SCRIPT);
  writeFileSync(`${asset}.br`, brotliCompressSync(SCRIPT));
  writeFileSync(`${asset}.gz`, gzipSync(SCRIPT));
  ctx = await createTestContext({}, { webDist: dist });
});
afterAll(async () => {
  await ctx.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('compressed answers', () => {
  it('compresses API JSON over 1 KB with brotli or gzip, as the client accepts, and not otherwise', async () => {
    const url = '/api/openapi.json';
    const br = await ctx.app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    const doc = JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'));
    expect(doc.openapi).toMatch(/^3\./);
    const gz = await ctx.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8')).openapi).toBe(doc.openapi);
    const plain = await ctx.app.inject({ url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(br.rawPayload.length * 3);
  });

  it('serves a built asset as its pre-compressed file, cached as immutable', async () => {
    const br = await ctx.app.inject({ url: '/assets/m-abc123.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(SCRIPT);
    const gz = await ctx.app.inject({ url: '/assets/m-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(SCRIPT);
    const plain = await ctx.app.inject({ url: '/assets/m-abc123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it("revalidates the apps' pages (no-cache), so a new build is picked up", async () => {
    const page = await ctx.app.inject({ url: '/m/points' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('<title>m</title>');
  });
});
