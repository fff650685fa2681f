/** Test fixtures: a household register spec and stream helpers. Used by the *.test.ts files only. */
import { PassThrough, Readable, type Writable } from 'node:stream';
import type { SheetSource, SheetSpec } from './sheets.types';

export interface Household {
  code: string;
  headName: string;
  idNumber?: string;
  members: number;
  area?: number;
  lifted?: boolean;
  registeredOn?: string;
  kind: 'rural' | 'urban';
  phone?: string;
}

export const households: SheetSpec<Household> = {
  name: 'households',
  title: { zh: '户', en: 'Households' },
  columns: [
    {
      key: 'code',
      header: { zh: '户编码', en: 'Household code' },
      required: true,
      type: 'string',
      normalizeWidth: true,
      unique: true,
      maxLength: 12,
      example: 'HH0001',
      pattern: { regex: /^[0-9A-Z]+$/, description: { zh: '数字或大写字母', en: 'digits or capital letters' } },
    },
    {
      key: 'headName',
      header: { zh: '户主姓名', en: 'Head of household' },
      aliases: ['户主'],
      required: true,
      type: 'string',
      maxLength: 10,
      example: '张三',
    },
    {
      key: 'idNumber',
      header: { zh: '身份证号', en: 'ID number' },
      required: false,
      type: 'string',
      normalizeWidth: true,
      unique: true,
      example: '42108119800101001X',
      pattern: { regex: /^\d{17}[\dX]$/, description: { zh: '18 位身份证号', en: 'an 18-character ID number' } },
    },
    { key: 'members', header: { zh: '人口数', en: 'Members' }, required: true, type: 'integer', example: '4' },
    {
      key: 'area',
      header: { zh: '住房面积（㎡）', en: 'Floor area (m²)' },
      required: false,
      type: 'number',
      example: '120.5',
    },
    {
      key: 'lifted',
      header: { zh: '是否脱贫户', en: 'Lifted out of poverty' },
      required: false,
      type: 'boolean',
      example: '否',
    },
    {
      key: 'registeredOn',
      header: { zh: '登记日期', en: 'Registered on' },
      required: false,
      type: 'date',
      example: '2024-03-01',
    },
    {
      key: 'kind',
      header: { zh: '户类型', en: 'Household type' },
      required: true,
      type: 'enum',
      example: '农村',
      enumValues: [
        { value: 'rural', zh: '农村', en: 'Rural' },
        { value: 'urban', zh: '城镇', en: 'Urban' },
      ],
    },
    {
      key: 'phone',
      header: { zh: '联系电话', en: 'Phone' },
      required: false,
      type: 'string',
      example: '13800000000',
      parse: (raw) =>
        /^1\d{10}$/.test(raw.replace(/[\s-]/g, ''))
          ? { ok: true, value: raw.replace(/[\s-]/g, '') }
          : {
              ok: false,
              code: 'invalid_phone',
              reason: { zh: '手机号应为 11 位', en: 'A mobile number has 11 digits' },
            },
    },
  ],
};

export function csvSource(content: string | Buffer, chunkSize = 0): SheetSource {
  const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const chunks: Buffer[] = [];
  if (chunkSize > 0) for (let i = 0; i < buf.length; i += chunkSize) chunks.push(buf.subarray(i, i + chunkSize));
  else chunks.push(buf);
  return { kind: 'csv', stream: Readable.from(chunks), totalBytes: buf.length };
}

export function xlsxSource(buf: Buffer | ArrayBuffer): SheetSource {
  const b = Buffer.isBuffer(buf) ? buf : Buffer.from(buf);
  return { kind: 'xlsx', stream: Readable.from([b]), totalBytes: b.length };
}

/** A writable that collects what is written, and the promise of all of it once finished. */
export function collect(): { out: Writable; done: Promise<Buffer> } {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    out.on('end', () => resolve(Buffer.concat(chunks)));
    out.on('error', reject);
  });
  return { out, done };
}

export async function toArray<R>(rows: AsyncIterable<R>): Promise<R[]> {
  const all: R[] = [];
  for await (const r of rows) all.push(r);
  return all;
}

export const HEADER_ZH = '户编码,户主姓名,身份证号,人口数,住房面积（㎡）,是否脱贫户,登记日期,户类型,联系电话';
export const HEADER_EN =
  'Household code,Head of household,ID number,Members,Floor area (m²),Lifted out of poverty,Registered on,Household type,Phone';
