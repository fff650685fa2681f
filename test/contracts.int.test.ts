/**
 * Every route has a contract: a response schema for each success status, and none of its response
 * schemas is "anything" (Type.Unknown / {}), so the serializer decides what leaves the server.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractProblems, type Schema } from './contracts';
import { createTestContext, type TestContext } from './harness';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [p] : [];
  });
}

describe('route contracts', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('every route declares a closed response schema for each success status', () => {
    const doc = ctx.app.swagger() as unknown as { paths: Record<string, Record<string, Schema>> };
    expect(contractProblems(doc)).toEqual([]);
  });

  it('no route hides from the check but the OpenAPI document itself', () => {
    const hidden = sourceFiles(path.resolve(__dirname, '../src')).filter((f) =>
      /hide:\s*true/.test(readFileSync(f, 'utf8')),
    );
    expect(hidden.map((f) => path.relative(path.resolve(__dirname, '..'), f))).toEqual([
      'src/server/platform/http/docs.ts',
    ]);
  });

  it('the check finds an open schema and a missing one', () => {
    const doc = {
      paths: {
        '/a': { get: { responses: { 200: { content: { 'application/json': { schema: { description: 'x' } } } } } } },
        '/b': { post: { responses: { 400: {} } } },
        '/d': { get: { responses: { 200: { description: 'Default Response' } } } },
        '/c': {
          get: {
            responses: {
              200: {
                content: {
                  'application/json': {
                    schema: { type: 'object', properties: { n: { type: 'integer' }, x: {} } },
                  },
                },
              },
            },
          },
        },
      },
    };
    expect(contractProblems(doc)).toEqual([
      { route: 'GET /a', problem: 'response 200 allows anything' },
      { route: 'POST /b', problem: 'no response schema for a success status' },
      { route: 'GET /d', problem: 'no response schema for 200' },
      { route: 'GET /c', problem: 'response 200/x allows anything' },
    ]);
  });
});
