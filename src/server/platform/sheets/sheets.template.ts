/**
 * Import templates: the data sheet with bilingual headers (required ones marked `*`), one example
 * row in grey italics, dropdowns for enum columns, and a 说明 Instructions sheet for every column.
 */
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { xlsxWriter } from './excel';
import { formatValue, headerLabel, rowCells } from './sheets.format';
import { exampleValues } from './sheets.parse';
import type { ColumnSpec, LocalText, SheetLang, SheetSpec } from './sheets.types';
import { addCells, addDataSheet, HEADER_FILL } from './sheets.write';

/** Rows that get dropdowns and formats in a template. */
export const TEMPLATE_ROWS = 5000;
const LISTS_SHEET = '_lists';

/** Format of a column in words, for the instructions sheet. */
export function describeFormat<T>(c: ColumnSpec<T>): LocalText {
  const parts: LocalText[] = [];
  switch (c.type) {
    case 'string':
      parts.push({ zh: '文本', en: 'Text' });
      break;
    case 'integer':
      parts.push({ zh: '整数', en: 'Whole number' });
      break;
    case 'number':
      parts.push({ zh: '数字', en: 'Number' });
      break;
    case 'boolean':
      parts.push({ zh: '是/否', en: 'Yes/No (是/否, Y/N, 1/0)' });
      break;
    case 'date':
      parts.push({ zh: '日期，如 2024-03-01、2024/3/1、2024年3月1日', en: 'Date, e.g. 2024-03-01, 2024/3/1' });
      break;
    case 'enum':
      parts.push({ zh: '从下拉列表中选择', en: 'Choose from the list' });
      break;
  }
  if (c.maxLength) parts.push({ zh: `最多 ${c.maxLength} 个字`, en: `at most ${c.maxLength} characters` });
  if (c.pattern) parts.push(c.pattern.description);
  if (c.unique) parts.push({ zh: '同一文件内不得重复', en: 'must not repeat within the file' });
  if (c.note) parts.push(c.note);
  return { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') };
}

interface ValidationSheet {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

function addDropdowns<T>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  ws: ExcelJS.Worksheet,
  spec: SheetSpec<T>,
  lang: SheetLang,
): void {
  let lists: ExcelJS.Worksheet | undefined;
  spec.columns.forEach((c, i) => {
    if (c.type !== 'enum' && c.type !== 'boolean') return;
    const labels =
      c.type === 'boolean'
        ? [formatValue(c, true, lang, 'xlsx'), formatValue(c, false, lang, 'xlsx')].map(String)
        : (c.enumValues ?? []).map((e) => e[lang]);
    const inline = labels.join(',');
    let formula = `"${inline}"`;
    if (inline.length > 250 || labels.some((l) => /[,"]/.test(l))) {
      // Excel caps inline lists at 255 characters; longer ones go to a hidden sheet, one row per list.
      lists ??= workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
      const row = lists.addRow(labels);
      row.commit();
      const last = lists.getColumn(labels.length).letter;
      formula = `${LISTS_SHEET}!$A$${row.number}:$${last}$${row.number}`;
    }
    const letter = ws.getColumn(i + 1).letter;
    (ws as unknown as ValidationSheet).dataValidations.add(`${letter}2:${letter}${TEMPLATE_ROWS}`, {
      type: 'list',
      allowBlank: !c.required,
      formulae: [formula],
      showErrorMessage: true,
      errorTitle: lang === 'zh' ? '无效值' : 'Invalid value',
      error: lang === 'zh' ? `请从列表中选择：${labels.join('、')}` : `Choose from the list: ${labels.join(', ')}`,
    });
  });
  lists?.commit();
}

function addInstructions<T>(workbook: ExcelJS.stream.xlsx.WorkbookWriter, spec: SheetSpec<T>): void {
  const ws = workbook.addWorksheet('说明 Instructions', { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] });
  ws.columns = [
    { header: '列名\nColumn (zh)', key: 'zh', width: 18 },
    { header: 'Column (en)', key: 'en', width: 22 },
    { header: '必填\nRequired', key: 'required', width: 10 },
    { header: '格式\nFormat (zh)', key: 'formatZh', width: 40 },
    { header: 'Format (en)', key: 'formatEn', width: 40 },
    { header: '可选值\nAllowed values', key: 'allowed', width: 40 },
    { header: '示例\nExample', key: 'example', width: 20 },
  ];
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.commit();
  for (const c of spec.columns) {
    const format = describeFormat(c);
    ws.addRow({
      zh: c.header.zh,
      en: c.header.en,
      required: c.required ? '是 Yes' : '否 No',
      formatZh: format.zh,
      formatEn: format.en,
      example: c.example,
      allowed: (c.enumValues ?? []).map((e) => `${e.zh} / ${e.en}`).join('\n'),
    }).commit();
  }
  ws.addRow([]).commit();
  for (const line of [
    `表头带 * 的列为必填。第 2 行灰色斜体为示例，导入前请删除。`,
    `Columns marked * are required. Row 2 (grey italics) is an example; delete it before importing.`,
    `表头可用中文或英文；可以删除不需要的非必填列，也可以调整列的顺序。`,
    `Headers may be in Chinese or English; optional columns may be removed and columns reordered.`,
  ])
    ws.addRow([line]).commit();
  ws.commit();
}

export interface TemplateOptions {
  /** Headers in `lang` only; the other language's label is in each header's note and the instructions sheet. */
  oneLanguage?: boolean;
}

/** Writes an import template for `spec`: headers in `lang` first, the other language below (or in the notes). */
export async function writeTemplate<T>(
  spec: SheetSpec<T>,
  out: Writable,
  lang: SheetLang,
  opts: TemplateOptions = {},
): Promise<void> {
  const example = exampleValues(spec);
  const workbook = await xlsxWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const note = (c: ColumnSpec<T>) => {
    const format = describeFormat(c);
    return `${headerLabel(c, lang, true, ' / ')}\n${format.zh}\n${format.en}`;
  };
  const label = opts.oneLanguage ? (c: ColumnSpec<T>) => `${c.header[lang]}${c.required ? '*' : ''}` : undefined;
  const ws = addDataSheet(workbook, spec, lang, true, undefined, note, label);
  const row = addCells(ws, rowCells(spec, example, lang, 'xlsx'));
  row.font = { italic: true, color: { argb: 'FF808080' } };
  row.commit();
  addDropdowns(workbook, ws, spec, lang);
  ws.commit();
  addInstructions(workbook, spec);
  await workbook.commit();
}
