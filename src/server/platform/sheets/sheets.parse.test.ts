import { describe, expect, it } from 'vitest';
import { households } from './sheets.fixtures';
import { excelSerialToDate, parseCell, parseDateText } from './sheets.parse';
import type { ColumnSpec, RawCell } from './sheets.types';
import type { Household } from './sheets.fixtures';

const col = (key: keyof Household): ColumnSpec<Household> => households.columns.find((c) => c.key === key)!;
const ok = (key: keyof Household, raw: RawCell): unknown => {
  const out = parseCell(col(key), raw);
  if (!out.ok) throw new Error(`expected ${String(raw)} to parse: ${out.reason.en}`);
  return out.empty ? undefined : out.value;
};
const code = (key: keyof Household, raw: RawCell): string | undefined => {
  const out = parseCell(col(key), raw);
  return out.ok ? undefined : out.code;
};

describe('parseCell', () => {
  it('refuses text the database cannot store (NUL, lone surrogates) in any column, from CSV or xlsx', () => {
    for (const raw of ['二\u0000号', '三号\ud800', '\udc00', ' \u0000 ']) {
      expect(code('headName', raw)).toBe('text_invalid');
      expect(code('members', raw)).toBe('text_invalid');
    }
    expect(ok('headName', '𠮷👨‍👩‍👧')).toBe('𠮷👨‍👩‍👧');
  });

  it('parses integers from text, full-width digits, thousands separators and numeric cells', () => {
    expect(ok('members', ' 12 ')).toBe(12);
    expect(ok('members', '１２')).toBe(12);
    expect(ok('members', '1,234')).toBe(1234);
    expect(ok('members', 7)).toBe(7);
    expect(code('members', '3.5')).toBe('invalid_integer');
    expect(code('members', 3.5)).toBe('invalid_integer');
    expect(code('members', 'abc')).toBe('invalid_integer');
    expect(code('members', '1,23')).toBe('invalid_integer');
  });

  it('parses numbers', () => {
    expect(ok('area', '120.5')).toBe(120.5);
    expect(ok('area', '-0.5')).toBe(-0.5);
    expect(ok('area', '1,234.75')).toBe(1234.75);
    expect(ok('area', 88.25)).toBe(88.25);
    expect(code('area', '12m')).toBe('invalid_number');
  });

  it('parses booleans in Chinese and English forms', () => {
    for (const t of ['是', 'true', 'TRUE', '1', 'Y', 'y', 'yes', '√']) expect(ok('lifted', t)).toBe(true);
    for (const f of ['否', 'false', '0', 'N', 'n', 'No', '×']) expect(ok('lifted', f)).toBe(false);
    expect(ok('lifted', true)).toBe(true);
    expect(ok('lifted', 0)).toBe(false);
    expect(code('lifted', '也许')).toBe('invalid_boolean');
  });

  it('parses dates in ISO, slash and Chinese forms and Excel date cells', () => {
    expect(ok('registeredOn', '2024-03-01')).toBe('2024-03-01');
    expect(ok('registeredOn', '2024/3/1')).toBe('2024-03-01');
    expect(ok('registeredOn', '2024年3月1日')).toBe('2024-03-01');
    expect(ok('registeredOn', '２０２４年３月１日')).toBe('2024-03-01');
    expect(ok('registeredOn', '2024.12.31')).toBe('2024-12-31');
    expect(ok('registeredOn', '20240229')).toBe('2024-02-29');
    expect(ok('registeredOn', '2024-03-01 08:30:00')).toBe('2024-03-01');
    expect(ok('registeredOn', new Date(Date.UTC(2023, 11, 25)))).toBe('2023-12-25');
    expect(ok('registeredOn', 45352)).toBe('2024-03-01'); // Excel serial, e.g. a cell in a CJK date format
    for (const bad of ['2023-02-29', '2024-13-01', '2024/2/30', 'tomorrow', '1.5.2024']) {
      expect(code('registeredOn', bad)).toBe('invalid_date');
    }
    expect(parseDateText('1899-12-31')).toBeUndefined();
    expect(excelSerialToDate(1)).toBe('1900-01-01');
    expect(excelSerialToDate(59)).toBe('1900-02-28');
    expect(excelSerialToDate(60)).toBeUndefined(); // Excel's non-existent 1900-02-29
    expect(excelSerialToDate(61)).toBe('1900-03-01');
  });

  it('maps enums from value or either label, case-insensitively', () => {
    expect(ok('kind', 'rural')).toBe('rural');
    expect(ok('kind', 'RURAL')).toBe('rural');
    expect(ok('kind', '农村')).toBe('rural');
    expect(ok('kind', ' Urban ')).toBe('urban');
    expect(ok('kind', '城镇')).toBe('urban');
    // a label with full-width brackets matches whichever width the cell holds (the cell is made half-width)
    const bracketed: ColumnSpec<Household> = {
      ...col('kind'),
      enumValues: [{ value: 'community', zh: '村（社区）', en: 'community' }],
    };
    for (const cell of ['村（社区）', '村(社区)'])
      expect(parseCell(bracketed, cell)).toMatchObject({ ok: true, value: 'community' });
    const out = parseCell(col('kind'), 'farm');
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.code).toBe('invalid_enum');
      expect(out.reason.zh).toContain('农村、城镇');
      expect(out.reason.en).toContain('Rural, Urban');
    }
  });

  it('trims, normalises width only for code-like columns, and checks required, length and pattern', () => {
    expect(ok('code', ' ＨＨ００１２ ')).toBe('HH0012');
    expect(ok('headName', '　李四　')).toBe('李四'); // ideographic spaces trimmed
    expect(ok('headName', 'ＡＢ')).toBe('ＡＢ'); // not a code column: kept as written
    expect(code('code', '   ')).toBe('required');
    expect(code('code', null)).toBe('required');
    expect(ok('area', '')).toBeUndefined();
    expect(ok('headName', '欧阳'.repeat(5))).toBe('欧阳欧阳欧阳欧阳欧阳'); // 10 characters, not 30 bytes
    expect(code('headName', '欧阳'.repeat(5) + '娜')).toBe('too_long');
    const pattern = parseCell(col('code'), 'hh-01');
    expect(pattern.ok).toBe(false);
    if (!pattern.ok) {
      expect(pattern.code).toBe('pattern');
      expect(pattern.reason.zh).toContain('数字或大写字母');
      expect(pattern.reason.en).toContain('digits or capital letters');
    }
  });

  it('flags long digit strings that Excel stored as numbers', () => {
    expect(code('idNumber', 421081198001010000)).toBe('precision_lost');
    expect(ok('code', 12345)).toBe('12345');
  });

  it('uses custom parsers and their codes', () => {
    expect(ok('phone', '138-0000-0000')).toBe('13800000000');
    expect(code('phone', '12345')).toBe('invalid_phone');
  });

  it('keeps patterns with the g flag stable from row to row', () => {
    const c: ColumnSpec<Household> = {
      ...col('code'),
      pattern: { regex: /^[A-Z0-9]+$/g, description: { zh: 'x', en: 'x' } },
    };
    for (let i = 0; i < 4; i++) expect(parseCell(c, 'AB12').ok).toBe(true);
  });
});
