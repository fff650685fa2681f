/**
 * The `cocreate classifier retrain` contract, run in-process on a test database: too little county
 * data → exit 1 with a message and nothing written; a worse department model is refused and the old
 * one kept (exit 3); a better one is switched to (exit 0) and used by the service; --force switches
 * to a worse one only after the typed confirmation (or --yes); the category model is (re)trained.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../../test/harness';
import { EXIT, runRetrain } from '../../../cli/commands/classifier';
import { syntheticExamples } from './classifier.fixtures';
import { trainModel } from './classifier.model';
import { serializeModel } from './classifier.serialize';
import { countyModelPaths, departmentModel } from './classifier.service';
import { CATEGORY_WORDS, SMALL, countyExamplesFor, insertExamples, toCsv } from './county.fixtures';

/** The hotline lines the base data and the shipped (here: small) model know, with their own words. */
const BASE_WORDS: Record<string, string[]> = {
  城乡建设: ['房屋', '拆迁', '物业', '装修', '工地', '违建'],
  交通运输: ['公交', '出租车', '客运', '驾驶', '车辆', '站台'],
  环境保护: ['污染', '排污', '噪音', '废水', '粉尘', '焚烧'],
};
const base = syntheticExamples(20, 1, BASE_WORDS);
/** Base data whose county-word reports carry the wrong line (路灯/井盖 as 交通运输, 信号灯 as 城乡建设). */
const misleading = [
  ...base,
  ...syntheticExamples(40, 2, {
    交通运输: [...CATEGORY_WORDS['01037'], ...CATEGORY_WORDS['01001']],
    城乡建设: CATEGORY_WORDS['02014'],
  }),
];

let ctx: TestContext;
let dir: string;
let goodCsv: string, badCsv: string;

function io(answer = '') {
  const out: string[] = [];
  const err: string[] = [];
  const asked: string[] = [];
  return {
    out,
    err,
    asked,
    io: {
      out: (l: string) => out.push(l),
      err: (l: string) => err.push(l),
      ask: async (q: string) => {
        asked.push(q);
        return answer;
      },
    },
    text: () => [...out, ...err].join('\n'),
  };
}
const retrain = (args: string[], answer?: string) => {
  const t = io(answer);
  return runRetrain(ctx.deps, args, t.io, { trainOptions: SMALL, trainedAt: '2026-11-25T00:00:00Z' }).then((code) => ({
    code,
    ...t,
  }));
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cocreate-retrain-'));
  const shipped = path.join(dir, 'shipped.model.json');
  writeFileSync(shipped, serializeModel(trainModel(base, SMALL)));
  writeFileSync((goodCsv = path.join(dir, 'good.csv')), toCsv(base));
  writeFileSync((badCsv = path.join(dir, 'bad.csv')), toCsv(misleading));
  ctx = await createTestContext({ CLASSIFIER_MODEL: shipped });
});
afterAll(async () => {
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('cocreate classifier retrain', () => {
  it('exits non-zero with a clear message when the county has too few confirmed cases, writing nothing', async () => {
    await insertExamples(ctx.db, countyExamplesFor(3, 5)); // 12 cases
    const r = await retrain(['--base', goodCsv]);
    expect(r.code).toBe(EXIT.failed);
    expect(r.text()).toMatch(/retraining needs at least 30/);
    expect(r.text()).toMatch(/category model needs at least 30/);
    expect(r.err.at(-1)).toMatch(/Too little county data/);
    expect(existsSync(countyModelPaths(ctx.config).department)).toBe(false);
    expect(existsSync(countyModelPaths(ctx.config).category)).toBe(false);
    expect((await retrain(['--base'])).code).toBe(EXIT.usage);
    const missing = await retrain(['--base', path.join(dir, 'nope.csv')]);
    expect(missing.code).toBe(EXIT.failed);
    expect(missing.text()).toMatch(
      /Base data unusable: 无法读取 .*nope\.csv（ENOENT） Cannot read .*nope\.csv \(ENOENT\)/,
    );
  });

  it('refuses unusable base data (columns, no labelled rows, malformed CSV) in both languages, writing nothing', async () => {
    const cases: [string, RegExp][] = [
      [
        'id,text\n1,垃圾\n',
        /需要 id、category、title、body 列 The file .* needs the columns id, category, title, body/,
      ],
      ['id,category,title,body\n1,,路灯,不亮\n', /中没有带类别的行 No labelled rows in /],
      [
        'id,category,title,body\n1,交通运输,"公交,晚点\n',
        /的 CSV 格式错误（第 \d 行）：unterminated quoted field Malformed CSV in .*: unterminated quoted field \(line \d\)/,
      ],
    ];
    const { rows: before } = await ctx.db.query(`SELECT count(*)::int AS n FROM audit_log`);
    for (const [content, message] of cases) {
      const file = path.join(dir, 'unusable.csv');
      writeFileSync(file, content);
      const r = await retrain(['--base', file]);
      expect(r.code, content).toBe(EXIT.failed);
      expect(r.err.join('\n'), content).toMatch(/^基础训练数据不可用 Base data unusable: /);
      expect(r.err.join('\n'), content).toMatch(message);
      expect(r.out, content).toEqual([]);
    }
    expect((await ctx.db.query(`SELECT count(*)::int AS n FROM audit_log`)).rows).toEqual(before);
    expect(existsSync(countyModelPaths(ctx.config).department)).toBe(false);
  });

  it('refuses a worse department model and keeps the current one, but trains the category model', async () => {
    await insertExamples(ctx.db, countyExamplesFor(9, 6)); // now 12 per category, 36 with a department line
    const r = await retrain(['--base', badCsv]);
    expect(r.code, r.text()).toBe(EXIT.refused);
    expect(r.text()).toMatch(/current \(.*shipped model\): accuracy/);
    expect(r.text()).toMatch(/The new model is worse; the current model is kept \(--force to switch anyway\)/);
    expect(existsSync(countyModelPaths(ctx.config).department)).toBe(false);
    const m = await departmentModel(ctx.deps);
    expect(m.ok && m.value.source).toBe('shipped');
    expect(r.text()).toMatch(/Learnable categories: .*01037 路灯异常 ×12/);
    expect(existsSync(countyModelPaths(ctx.config).category)).toBe(true);
  });

  it('switches to a better department model, which the service then uses', async () => {
    const r = await retrain(['--base', goodCsv]);
    expect(r.code, r.text()).toBe(EXIT.ok);
    const [before, after] = ['current', 'new'].map((w) =>
      Number(new RegExp(`${w} \\(.*accuracy ([0-9.]+)`).exec(r.text())![1]),
    );
    expect(after).toBeGreaterThan(before);
    expect(r.text()).toMatch(/Switched to the new model: .*department\.model\.json/);
    const m = await departmentModel(ctx.deps);
    expect(m.ok && m.value.source).toBe('county');
    const { rows } = await ctx.db.query<{ after: { department: { status: string } } }>(
      `SELECT after FROM audit_log WHERE action = 'classifier.retrain' ORDER BY id`,
    );
    expect(rows.map((x) => x.after.department.status)).toEqual(['too_few', 'refused', 'accepted']);
  });

  it('switches to a worse model only with --force and the typed confirmation (or --yes)', async () => {
    const file = countyModelPaths(ctx.config).department;
    const good = readFileSync(file, 'utf8');
    const declined = await retrain(['--base', badCsv, '--force'], 'no');
    expect(declined.code).toBe(EXIT.refused);
    expect(declined.asked[0]).toMatch(/Type "yes"/);
    expect(readFileSync(file, 'utf8')).toBe(good);
    const typed = await retrain(['--base', badCsv, '--force'], 'yes');
    expect(typed.code, typed.text()).toBe(EXIT.ok);
    expect(typed.text()).toMatch(/Switched to the new model \(强制 forced\)/);
    expect(readFileSync(file, 'utf8')).not.toBe(good);
    expect(readFileSync(file.replace(/\.json$/, '.previous.json'), 'utf8')).toBe(good);
    const scripted = await retrain(['--base', goodCsv, '--force', '--yes']);
    expect(scripted.code).toBe(EXIT.ok); // better again: switched without asking
    expect(scripted.asked).toEqual([]);
  });

  it('retrains only the category model without --base', async () => {
    const r = await retrain([]);
    expect(r.code, r.text()).toBe(EXIT.ok);
    expect(r.text()).toMatch(/Not retrained: no base data given/);
    expect(r.text()).toMatch(/Held-back county cases: \d+: accuracy/);
  });
});
