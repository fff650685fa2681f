import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { classifyCsvStream } from './classifier.csv';
import { CsvParser, csvLine, parseCsv } from './classifier.csv-parser';
import { TEST_TRAIN_OPTIONS, syntheticExamples } from './classifier.fixtures';
import { trainModel } from './classifier.model';

describe('CSV parser (RFC 4180)', () => {
  const text = 'a,b,c\r\n1,"x, y","he said ""hi"""\r\n2,"line1\r\nline2",\n3,plain,"last"';
  const expected = [
    ['a', 'b', 'c'],
    ['1', 'x, y', 'he said "hi"'],
    ['2', 'line1\r\nline2', ''],
    ['3', 'plain', 'last'],
  ];

  it('parses quotes, escaped quotes, commas and line breaks inside quotes', () => {
    expect(parseCsv(text)).toEqual(expected);
  });
  it('gives the same records however the input is chunked', () => {
    for (let size = 1; size <= 7; size++) {
      const parser = new CsvParser();
      const records: string[][] = [];
      for (let i = 0; i < text.length; i += size) records.push(...parser.push(text.slice(i, i + size)));
      records.push(...parser.end());
      expect(records).toEqual(expected);
    }
  });
  it('handles a BOM, lone CR, empty fields, blank lines and a trailing newline', () => {
    expect(parseCsv('\uFEFFid,x\r1,\r\n\r\n2,""\n')).toEqual([
      ['id', 'x'],
      ['1', ''],
      ['2', ''],
    ]);
  });
  it('rejects an unterminated quote and stray quotes', () => {
    expect(() => parseCsv('a\n"open')).toThrow(/unterminated/);
    expect(() => parseCsv('a\nab"c')).toThrow(/quote/);
    expect(() => parseCsv('a\n"ab"c')).toThrow(/closing quote/);
  });
  it('quotes only fields that need it when writing', () => {
    expect(csvLine(['a', 'b,c', 'say "x"', 'l1\nl2'])).toBe('a,"b,c","say ""x""","l1\nl2"\r\n');
    expect(parseCsv(csvLine(['a', 'b,c', 'say "x"', 'l1\nl2']))).toEqual([['a', 'b,c', 'say "x"', 'l1\nl2']]);
  });
});

const model = trainModel(syntheticExamples(30, 1), TEST_TRAIN_OPTIONS);

async function run(
  csv: string | Buffer[],
): Promise<{ result: Awaited<ReturnType<typeof classifyCsvStream>>; out: string }> {
  const input = typeof csv === 'string' ? Readable.from([Buffer.from(csv)]) : Readable.from(csv);
  const chunks: string[] = [];
  const output = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const result = await classifyCsvStream(input, output, model);
  return { result, out: chunks.join('') };
}

describe('classifyCsvStream', () => {
  it('reads columns in any order, ignores extra columns, keeps row order and count', async () => {
    const csv = [
      'note,body,id,title,extra',
      'x,"附近垃圾焚烧,臭味严重",r1,污染,',
      'y,"学校老师强制补课\n收学费",r2,"教育 ""乱收费""",z',
      'z,出租车超载，公交站台,r3,交通,',
      'w,,r4,,',
      'v,,r5,幼儿园学费太高,',
    ].join('\r\n');
    const { result, out } = await run(csv);
    expect(result).toEqual({ ok: true, value: { rows: 5, unclassified: 1 } });
    const rows = parseCsv(out);
    expect(rows[0]).toEqual(['id', 'label', 'probability']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    expect(rows.slice(1).map((r) => r[1])).toEqual(['环境保护', '教育文体', '交通运输', '', '教育文体']);
    expect(rows[4]).toEqual(['r4', '', '']);
    for (const r of [rows[1], rows[2], rows[3], rows[5]]) expect(Number(r[2])).toBeGreaterThan(0.3);
  });
  it('quotes ids that need it and decodes UTF-8 split across chunks', async () => {
    const bytes = Buffer.from('id,title,body\n"a,1",学校补课,老师收学费\n');
    const chunks = Array.from(bytes, (b) => Buffer.from([b]));
    const { result, out } = await run(chunks);
    expect(result).toMatchObject({ ok: true, value: { rows: 1 } });
    expect(parseCsv(out)[1].slice(0, 2)).toEqual(['a,1', '教育文体']);
  });
  it('reports a header without the needed columns', async () => {
    const { result } = await run('id,text\n1,垃圾\n');
    expect(result).toMatchObject({ ok: false, code: 'classifier_csv_header', details: { missing: 'title, body' } });
  });
  it('reports malformed CSV', async () => {
    const { result } = await run('id,title,body\n1,"open,x\n');
    expect(result).toMatchObject({
      ok: false,
      code: 'classifier_csv_malformed',
      details: { problem: 'unterminated quoted field', line: 3 },
    });
  });
  it('streams: writes output before the input has ended and respects back-pressure', async () => {
    const input = new PassThrough();
    const output = new PassThrough({ highWaterMark: 16 });
    const lines: string[] = [];
    output.on('data', (c) => lines.push(String(c)));
    const done = classifyCsvStream(input, output, model);
    input.write('id,title,body\n1,垃圾,污染\n');
    for (let waited = 0; waited < 2000 && !lines.join('').includes('1,环境保护'); waited += 5) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(lines.join('')).toContain('1,环境保护'); // the first row is out while the input is still open
    for (let i = 2; i <= 200; i++) input.write(`${i},公交,超载\n`);
    input.end();
    expect(await done).toMatchObject({ ok: true, value: { rows: 200 } });
    expect(parseCsv(lines.join(''))).toHaveLength(201);
  });
});
