import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './classifier.csv-parser';
import { suggestLabels } from './classifier.explain';
import { TEST_TRAIN_OPTIONS, syntheticExamples } from './classifier.fixtures';
import { errorMessage } from '../../platform/errors';
import { loadModel } from './classifier.loader';
import { predictLabel, trainModel } from './classifier.model';
import { serializeModel } from './classifier.serialize';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const shippedModel = path.join(root, 'models/classifier/department.model.json');
const sharedCsv = path.join(root, '../shared/data/complaints-train.csv');

describe('loadModel errors', () => {
  it('reports a missing file', async () => {
    const r = await loadModel(path.join(tmpdir(), 'no-such-dir-xyz', 'model.json'));
    expect(r).toMatchObject({ ok: false, code: 'classifier_model_missing' });
    if (!r.ok)
      expect(errorMessage(r.code, 'en', r.details)).toMatch(/^Classifier model file not found: .*no-such-dir-xyz/);
  });

  it('reports corrupt files: not JSON, truncated, edited, wrong format', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'classifier-'));
    const good = serializeModel(trainModel(syntheticExamples(5, 1), TEST_TRAIN_OPTIONS));
    const file = JSON.parse(good);
    const edited = { ...file, arrays: { ...file.arrays, bias: Buffer.alloc(12).toString('base64') } };
    const cases: Record<string, string> = {
      garbage: '{not json',
      truncated: good.slice(0, Math.floor(good.length / 2)),
      edited: JSON.stringify(edited),
      format: JSON.stringify({ ...file, format: 'something-else' }),
      array: '[]',
    };
    for (const [name, text] of Object.entries(cases)) {
      const p = path.join(dir, `${name}.json`);
      await writeFile(p, text);
      const r = await loadModel(p);
      expect(r, name).toMatchObject({ ok: false, code: 'classifier_model_corrupt', details: { path: p } });
      if (!r.ok) expect(errorMessage(r.code, 'zh-CN', r.details), name).toContain('已损坏');
    }
  });

  it('round-trips a model through the file format', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'classifier-'));
    const model = trainModel(syntheticExamples(20, 1), TEST_TRAIN_OPTIONS);
    const p = path.join(dir, 'm.json');
    await writeFile(p, serializeModel(model));
    const r = await loadModel(p);
    if (!r.ok) throw new Error(r.code);
    expect(r.value.weights).toEqual(model.weights);
    const input = { title: '补课', body: '学校老师收学费' };
    expect(predictLabel(r.value, input)).toEqual(predictLabel(model, input));
  });
});

describe('the shipped model', () => {
  it('loads in under a second and classifies obvious reports', async () => {
    expect(statSync(shippedModel).size).toBeLessThanOrEqual(5 * 1024 * 1024);
    const started = performance.now();
    const r = await loadModel(shippedModel);
    const ms = performance.now() - started;
    if (!r.ok) throw new Error(r.code);
    expect(ms).toBeLessThan(1000);
    const model = r.value;
    expect(model.labels).toHaveLength(7);
    const obvious: Array<[string, string, string]> = [
      [
        '环境保护',
        '化工厂偷排污水',
        '村旁边的化工厂晚上偷偷排放污水，河里的鱼都死了，空气里全是刺鼻的臭味，请环保局查处。',
      ],
      ['交通运输', '出租车拒载绕路', '火车站的出租车司机拒载，还故意绕路多收费，不打表，请交通运输管理部门整治。'],
      ['教育文体', '学校强制补课收费', '孩子所在的中学暑假强制学生补课，每人收取补课费一千元，请教育局调查处理。'],
      [
        '劳动和社会保障',
        '公司拖欠工资不交社保',
        '我们在工地干了半年，老板拖欠农民工工资，也没有签劳动合同、没有缴纳社保，请劳动监察大队帮忙。',
      ],
      ['卫生计生', '医院乱收费', '县人民医院住院期间乱收费，医生开大处方，医保报销比例也不对，请卫健委核查。'],
      ['城乡建设', '开发商延期交房', '小区开发商延期交房两年，房产证至今办不下来，物业也不管，请住建局督促。'],
      ['商贸旅游', '景区强制购物', '旅行社组织的低价团，导游强迫游客在景区商店购物，商品价格虚高，请旅游部门查处。'],
    ];
    for (const [label, title, body] of obvious) {
      const p = predictLabel(model, { title, body });
      expect(p.ok && p.value.label, title).toBe(label);
    }
    const s = suggestLabels(model, { title: '化工厂偷排污水', body: '化工厂排放污水，河水发臭' });
    if (!s.ok) throw new Error(s.code);
    expect(s.value[0].reasons.length).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(sharedCsv))(
    'agrees with most labels of the shared training data (skipped without ../shared)',
    async () => {
      const r = await loadModel(shippedModel);
      if (!r.ok) throw new Error(r.code);
      const [header, ...rows] = parseCsv(await readFile(sharedCsv, 'utf8'));
      const col = (n: string): number => header.indexOf(n);
      const sample = rows.filter((_, i) => i % 10 === 0);
      const correct = sample.filter((row) => {
        const p = predictLabel(r.value, { title: row[col('title')], body: row[col('body')] });
        return p.ok && p.value.label === row[col('category')];
      }).length;
      expect(correct / sample.length).toBeGreaterThan(0.95);
    },
  );
});
