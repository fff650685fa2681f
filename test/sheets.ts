/** Test helpers for 台账 imports: a register file built from a sheet spec, and its upload. */
import { Writable } from 'node:stream';
import { type SheetSpec, writeXlsx } from '../src/server/platform/sheets';
import type { TestActor, TestContext } from './harness';

/** An xlsx of `rows` under the spec's Chinese headers, as a user would fill the template. */
export async function xlsxOf<T>(spec: SheetSpec<T>, rows: Partial<Record<keyof T, unknown>>[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(c, _e, cb) {
      chunks.push(Buffer.from(c));
      cb();
    },
  });
  await writeXlsx(spec, rows as T[], out, { lang: 'zh' });
  return Buffer.concat(chunks);
}

/** Posts a register file to an import route (`url` without the query). */
export const uploadSheet = (
  ctx: TestContext,
  actor: TestActor,
  url: string,
  body: Buffer,
  mode: string,
  format = 'xlsx',
) =>
  ctx.app.inject({
    method: 'POST',
    url: `${url}?mode=${mode}&format=${format}`,
    payload: body,
    headers: {
      cookie: actor.cookie,
      'x-requested-with': 'cocreate',
      'content-type':
        format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
  });

export const countRows = async (ctx: TestContext, table: string, where = 'true') =>
  Number((await ctx.db.owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`)).rows[0].n);
