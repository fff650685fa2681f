/**
 * The monthly report on demo-like data (2,000 synthetic cases over three months in 石首市, applied to
 * the rollups through the outbox): drawn on demand for a county officer, stored by the timer for the
 * county and each town, listed and downloaded; every page rendered with pdftoppm (poppler-utils) is
 * not blank, and pdftotext reads back the Chinese title, the place and a figure's value.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../../test/cli-run';
import { call, createTestContext, staffActor, type TestActor, type TestContext } from '../../../../test/harness';
import { loadServerModules } from '../../assembly';
import { deliverRollups } from '../../modules/rollups/rollups.testing';
import { ensureGrids, generateCases } from '../../modules/rollups/synthetic.testing';
import { formatValue } from './report.pdf';
import { storeDueReports } from './report.service';

let ctx: TestContext;
let county: TestActor, town: TestActor;
const dir = mkdtempSync(path.join(tmpdir(), 'cocreate-report-'));
const TOWN = '421081001';

beforeAll(async () => {
  ctx = await createTestContext();
  await ensureGrids(ctx.db.owner, '421081', 2);
  await generateCases(ctx.db.owner, { county: '421081', count: 2000, firstDay: '2026-09-01', days: 91 });
  await generateCases(ctx.db.owner, { county: '421081', count: 300, firstDay: '2025-11-01', days: 30, seed: 5 });
  ctx.clock.set(new Date('2026-12-01T09:00:00+08:00'));
  await deliverRollups(ctx.deps, ctx.clock.now());
  county = await staffActor(ctx, 'county_officer', '421081');
  town = await staffActor(ctx, 'town_officer', TOWN);
}, 180_000);
afterAll(async () => {
  await ctx?.close();
  // KEEP_REPORT_PAGES=1 keeps the PDFs and page images to look at (the path is printed)
  if (process.env.KEEP_REPORT_PAGES) console.log(`report pages kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
});

/** Each page as a PNG (pdftoppm, 50 dpi) and the share of its pixels that are not white. */
async function pages(pdf: Buffer, name: string): Promise<{ file: string; ink: number }[]> {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', process.env.KEEP_REPORT_PAGES ? '80' : '50', '-png', file, path.join(dir, name)]);
  const pngs = readdirSync(dir)
    .filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))
    .sort();
  return Promise.all(
    pngs.map(async (f) => {
      const { data, info } = await sharp(readFileSync(path.join(dir, f)))
        .greyscale()
        .raw()
        .toBuffer({ resolveWithObject: true });
      let dark = 0;
      for (let i = 0; i < data.length; i++) if (data[i] < 200) dark++;
      return { file: path.join(dir, f), ink: dark / (info.width * info.height) };
    }),
  );
}
const text = (pdf: Buffer, name: string) => {
  const file = path.join(dir, `${name}.txt.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString();
};

describe('the monthly report', () => {
  it("draws a county's month: a title page and a page per ready panel, none blank, its title, place and figures readable", async () => {
    const answer = (await call(ctx, county, 'GET', '/api/cockpit?place=421081&from=2026-11-01&to=2026-11-30')).json();
    const ready = answer.panels.filter((p: { status: string }) => p.status === 'ready');
    expect(ready.length).toBeGreaterThan(0);
    const res = await call(ctx, county, 'GET', '/api/cockpit/report.pdf?place=421081&month=2026-11');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = res.rawPayload;
    const rendered = await pages(pdf, 'county');
    const info = execFileSync('pdfinfo', [path.join(dir, 'county.pdf')]).toString();
    expect(rendered.length).toBe(Number(/Pages:\s+(\d+)/.exec(info)![1]));
    expect(rendered.length).toBeGreaterThanOrEqual(1 + ready.length);
    for (const p of rendered) expect(p.ink, p.file).toBeGreaterThan(0.005);
    const words = text(pdf, 'county');
    expect(words).toContain('共同缔造 月度报告');
    expect(words).toContain('石首市');
    expect(words).toContain('2026年11月');
    const received = ready
      .flatMap((p: { figures: { key: string; value: number; unit: 'count' }[] }) => p.figures)
      .find((f: { key: string }) => f.key === 'cases.received');
    expect(received.value).toBeGreaterThan(100);
    expect(words).toMatch(new RegExp(`受理诉求[\\s\\S]*?${formatValue(received.value, 'count').replace(',', ',')}`));
    expect(words).toContain('台账 Ledger: /api/indicators/export.xlsx');
    expect(words).toMatch(/11-03[\s\S]*11-05/); // the chart's date axis as ECharts labels it (every other day)
    const audited = await ctx.db.owner.query(`SELECT 1 FROM audit_log WHERE action = 'cockpit.report'`);
    expect(audited.rows.length).toBe(1);
  });

  it('refuses a place the viewer may not see (404) and a month that is not one (400, named)', async () => {
    expect((await call(ctx, town, 'GET', '/api/cockpit/report.pdf?place=421081&month=2026-11')).statusCode).toBe(404);
    const bad = await call(ctx, county, 'GET', '/api/cockpit/report.pdf?place=421081&month=2026-13');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('month');
    expect((await call(ctx, null, 'GET', '/api/cockpit/report.pdf?month=2026-11')).statusCode).toBe(401);
  });

  it("stores last month's reports of the county and each town once, lists them by the viewer's place and serves them", async () => {
    const modules = await loadServerModules();
    const towns = (await ctx.db.owner.query(`SELECT count(*)::int AS n FROM divisions WHERE parent_code = '421081'`))
      .rows[0].n as number;
    let stored = 0;
    for (let n = await storeDueReports(ctx.deps, modules, 8); n > 0; n = await storeDueReports(ctx.deps, modules, 8))
      stored += n;
    expect(stored).toBe(1 + towns);
    expect(await storeDueReports(ctx.deps, modules, 8)).toBe(0);
    const all = (await call(ctx, county, 'GET', '/api/cockpit/reports')).json().items;
    expect(all).toHaveLength(1 + towns);
    expect(all.every((r: { month: string }) => r.month === '2026-11')).toBe(true);
    const mine = (await call(ctx, town, 'GET', '/api/cockpit/reports')).json().items;
    expect(mine.map((r: { placeCode: string }) => r.placeCode)).toEqual([TOWN]);
    const pdf = await call(ctx, town, 'GET', mine[0].path);
    expect(pdf.statusCode).toBe(200);
    const rendered = await pages(pdf.rawPayload, 'town');
    expect(rendered.length).toBe(mine[0].pages);
    for (const p of rendered) expect(p.ink, p.file).toBeGreaterThan(0.005);
    expect(text(pdf.rawPayload, 'town')).toContain(mine[0].placeName);
    const countyReport = all.find((r: { placeCode: string }) => r.placeCode === '421081');
    expect((await call(ctx, town, 'GET', countyReport.path)).statusCode).toBe(404);
  }, 120_000); // 16 PDFs: ~15 s alone on the shared 2-core machine, more beside other files

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))('draws the same report from the command line', async () => {
    const out = path.join(dir, 'cli.pdf');
    const r = await runCommand(`cockpit report --place ${TOWN} --month 2026-11 --out ${out}`, {
      DATABASE_URL: ctx.url,
    });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/已生成 Wrote .*cli\.pdf: .* 2026-11, \d+ 页 pages/);
    expect(text(readFileSync(out), 'cli')).toContain('共同缔造 月度报告');
  });
});
