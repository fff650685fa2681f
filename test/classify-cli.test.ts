/**
 * `cocreate classify` failure paths, in-process (the happy path runs the real bundle in
 * cli.int.test.ts): a missing, unreadable or corrupt model exits 1 and bad input exits 2, each with
 * one line in Chinese and English, no stack trace, and nothing but the header written.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runClassify } from '../src/cli/commands/classify';
import { TEST_TRAIN_OPTIONS, syntheticExamples } from '../src/server/modules/classifier/classifier.fixtures';
import { trainModel } from '../src/server/modules/classifier/classifier.model';
import { serializeModel } from '../src/server/modules/classifier/classifier.serialize';

const dir = mkdtempSync(path.join(tmpdir(), 'cocreate-classify-'));
const good = path.join(dir, 'good.model.json');
writeFileSync(good, serializeModel(trainModel(syntheticExamples(20, 1), TEST_TRAIN_OPTIONS)));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function classify(modelPath: string, csv: string) {
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (c) => chunks.push(String(c)));
  const err: string[] = [];
  const code = await runClassify(modelPath, Readable.from([csv]), output, (l) => err.push(l));
  expect(err.join('\n')).not.toMatch(/\n\s+at /); // no stack trace
  return { code, out: chunks.join(''), err: err.join('\n') };
}

describe('cocreate classify: failures', () => {
  it('a missing model file: exit 1, both languages, the path named', async () => {
    const file = path.join(dir, 'nowhere', 'department.model.json');
    const r = await classify(file, 'id,title,body\n');
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `分类模型不可用 Classifier model unavailable: 找不到分类模型文件：${file} Classifier model file not found: ${file}`,
    );
    expect(r.out).toBe('');
  });

  it('an unreadable model (a directory): exit 1', async () => {
    const r = await classify(dir, 'id,title,body\n');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`无法读取分类模型文件：${dir}（EISDIR）`);
    expect(r.err).toContain(`Classifier model file unreadable: ${dir} (EISDIR)`);
  });

  it('a corrupt model (edited, truncated, not JSON): exit 1 naming the problem', async () => {
    const text = serializeModel(trainModel(syntheticExamples(5, 1), TEST_TRAIN_OPTIONS));
    const file = JSON.parse(text);
    const cases: Record<string, RegExp> = {
      [JSON.stringify({ ...file, arrays: { ...file.arrays, bias: 'AAAA' } })]: /checksum mismatch/,
      [text.slice(0, 200)]: /not valid JSON/,
      '[]': /not a JSON object/,
    };
    for (const [content, problem] of Object.entries(cases)) {
      const p = path.join(dir, 'corrupt.model.json');
      writeFileSync(p, content);
      const r = await classify(p, 'id,title,body\n');
      expect(r.code).toBe(1);
      expect(r.err).toContain(`分类模型文件 ${p} 已损坏：`);
      expect(r.err).toMatch(problem);
    }
  });

  it('bad CSV: exit 2 with the problem in both languages', async () => {
    const header = await classify(good, 'foo,bar\n1,2\n');
    expect(header.code).toBe(2);
    expect(header.err).toBe(
      '输入无效 Invalid input: CSV 表头缺少列：id, title, body CSV header lacks column(s): id, title, body',
    );
    const empty = await classify(good, '');
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('CSV 为空（没有表头行） CSV is empty (no header row)');
    const open = await classify(good, 'id,title,body\na1,"学校收费,正常\n');
    expect(open.code).toBe(2);
    expect(open.err).toMatch(
      /CSV 格式错误（第 3 行）：unterminated quoted field Malformed CSV: unterminated quoted field \(line 3\)/,
    );
    const nul = await classify(good, 'id,title,body\na1,学校收费,正常\na2,垃圾,有\u0000字节\n');
    expect(nul.code).toBe(2);
    expect(nul.err).toContain('第 2 行（表头之后）body 列含有无效字符');
    expect(nul.err).toContain('Row 2 after the header, column body');
  });
});
