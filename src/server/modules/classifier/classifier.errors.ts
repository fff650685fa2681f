/**
 * Error codes of the classifier module (report classification): status, Chinese and English message.
 * Also the codes of its failure values (`Result`, platform/errors.ts): model files, CSV batches,
 * base training data and retraining; the CLI prints them in both languages.
 */
import { defineErrors } from '../../platform/errors';

export const CLASSIFIER_ERRORS = defineErrors({
  classifier_empty_text: { status: 400, zh: '请输入要归类的文字', en: 'Give some text to classify' },
  classifier_unavailable: {
    status: 503,
    zh: '自动归类暂不可用，请手动选择类别（{reason}）',
    en: 'Automatic classification is unavailable; choose the category by hand ({reason})',
  },
  classifier_model_missing: {
    status: 503,
    zh: '找不到分类模型文件：{path}',
    en: 'Classifier model file not found: {path}',
  },
  classifier_model_unreadable: {
    status: 503,
    zh: '无法读取分类模型文件：{path}（{reason}）',
    en: 'Classifier model file unreadable: {path} ({reason})',
  },
  classifier_model_corrupt: {
    status: 503,
    zh: '分类模型文件 {path} 已损坏：{problem}',
    en: 'Classifier model file {path} is corrupt: {problem}',
  },
  classifier_csv_empty: { status: 400, zh: 'CSV 为空（没有表头行）', en: 'CSV is empty (no header row)' },
  classifier_csv_header: {
    status: 400,
    zh: 'CSV 表头缺少列：{missing}',
    en: 'CSV header lacks column(s): {missing}',
  },
  classifier_csv_malformed: {
    status: 400,
    zh: 'CSV 格式错误（第 {line} 行）：{problem}',
    en: 'Malformed CSV: {problem} (line {line})',
  },
  classifier_csv_text_invalid: {
    status: 400,
    zh: '第 {row} 行（表头之后）{column} 列含有无效字符',
    en: 'Row {row} after the header, column {column}: a NUL character or an unpaired surrogate',
  },
  classifier_base_unreadable: { status: 400, zh: '无法读取 {file}（{reason}）', en: 'Cannot read {file} ({reason})' },
  classifier_base_malformed: {
    status: 400,
    zh: '{file} 的 CSV 格式错误（第 {line} 行）：{problem}',
    en: 'Malformed CSV in {file}: {problem} (line {line})',
  },
  classifier_base_columns: {
    status: 400,
    zh: '文件 {file} 需要 id、category、title、body 列',
    en: 'The file {file} needs the columns id, category, title, body',
  },
  classifier_base_empty: { status: 400, zh: '文件 {file} 中没有带类别的行', en: 'No labelled rows in {file}' },
  classifier_too_few_cases: {
    status: 422,
    zh: '已确认类别的案件只有 {cases} 件，分属 {categories} 个至少有 {minPerCategory} 件案件的类别；类别模型至少需要 2 个类别共 {minTotal} 件这样的案件',
    en: 'Only {cases} confirmed cases in {categories} categories with at least {minPerCategory} cases each; a category model needs at least {minTotal} such cases in at least 2 categories',
  },
  classifier_retrain_too_few_cases: {
    status: 422,
    zh: '没有剩余的本县案件可用于比较模型',
    en: 'No county cases left to compare the models on',
  },
});

type ClassifierErrors = typeof CLASSIFIER_ERRORS;
declare module '../../platform/errors' {
  interface ErrorCodes extends ClassifierErrors {}
}
