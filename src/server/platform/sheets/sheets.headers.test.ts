import { describe, expect, it } from 'vitest';
import { households } from './sheets.fixtures';
import { matchHeaders } from './sheets.headers';

const REQUIRED_ZH = ['户编码', '户主姓名', '人口数', '户类型'];

function keysOf(cells: string[]): (string | undefined)[] {
  const match = matchHeaders(households, cells, 1);
  const byIndex = new Map(match.bound.map((b) => [b.index, b.column.key]));
  return cells.map((_, i) => byIndex.get(i));
}

describe('matchHeaders', () => {
  it('matches Chinese and English headers, in any order and case', () => {
    expect(keysOf(['户类型', 'HOUSEHOLD CODE', ' 户主姓名 ', 'members'])).toEqual([
      'kind',
      'code',
      'headName',
      'members',
    ]);
  });

  it('ignores required marks, spacing, line breaks and bracket width', () => {
    expect(keysOf(['户编码*', '*户主姓名', '人口数 *', '户类型＊'])).toEqual(['code', 'headName', 'members', 'kind']);
    expect(
      keysOf(['户编码*\nHousehold code', 'Head of household\r\n户主姓名', '人口数 / Members', '户类型 Household type']),
    ).toEqual(['code', 'headName', 'members', 'kind']);
    expect(keysOf(['住房面积(㎡)', '住房面积（㎡）', 'Floor area（m²）'])).toEqual(['area', undefined, undefined]);
    expect(keysOf(['Floor area（m²）'])).toEqual(['area']);
    expect(keysOf(['Ｈｏｕｓｅｈｏｌｄ ｃｏｄｅ', '户主'])).toEqual(['code', 'headName']); // full-width letters, alias
  });

  it('warns about unknown and repeated columns without failing', () => {
    const match = matchHeaders(households, ['户编码', '户主姓名', '人口数', '户类型', '备注\nRemarks', '户编码'], 1);
    expect(match.fileErrors).toEqual([]);
    expect(match.warnings.map((w) => [w.code, w.column, w.row])).toEqual([
      ['unknown_column', '备注 / Remarks', 1],
      ['duplicate_column', '户编码', 1],
    ]);
    expect(match.warnings[0]!.reason.zh).toContain('备注');
    expect(match.bound.find((b) => b.column.key === 'code')!.index).toBe(0);
  });

  it('fails the file once, naming every missing required column in both languages', () => {
    const match = matchHeaders(households, ['户主姓名', 'Phone', '住房面积'], 3);
    expect(match.fileErrors).toHaveLength(1);
    const [error] = match.fileErrors;
    expect(error!.code).toBe('missing_columns');
    expect(error!.row).toBe(3);
    for (const zh of ['户编码', '人口数', '户类型']) expect(error!.reason.zh).toContain(zh);
    expect(error!.reason.zh).not.toContain('户主姓名');
    expect(error!.reason.en).toBe('Missing required columns: Household code, Members, Household type');
    expect(REQUIRED_ZH.filter((h) => error!.column.includes(h))).toEqual(['户编码', '人口数', '户类型']);
  });
});
