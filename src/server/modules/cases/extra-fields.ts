/** A category's extra fields (typed, required or not): what a report or a refiling may carry. Pure. */
import { AppError } from '../../platform/errors';
import type { Category } from './categories.repo';
import type { ExtraField } from './taxonomy';

/** What is wrong with an extra field, in each language (the message names the field in that language too). */
export const EXTRA_PROBLEMS = {
  required: { zh: '必须填写', en: 'is required' },
  unknown: { zh: '不是这个类别的附加信息', en: 'is not a field of this category' },
  enumWithoutOptions: { zh: '是选项类字段，须列出选项', en: 'is a choice and needs its options' },
  twice: { zh: '重复出现', en: 'appears twice' },
} as const;

/** The error for field `f` (a declared field, or a key that is none): `field` in the details stays as before. */
export function extraFieldError(
  f: Pick<ExtraField, 'key'> & Partial<Pick<ExtraField, 'label'>>,
  problem: { zh: string; en: string },
  field = f.label?.zh ?? f.key,
): AppError {
  return new AppError('extra_field_invalid', {
    field,
    fieldZh: f.label?.zh || f.key,
    fieldEn: f.label?.en || f.key,
    problemZh: problem.zh,
    problemEn: problem.en,
  });
}

const TYPE_NAMES: Record<ExtraField['type'], { zh: string; en: string }> = {
  string: { zh: '文字', en: 'text' },
  number: { zh: '数字', en: 'a number' },
  boolean: { zh: '是或否', en: 'yes or no' },
  enum: { zh: '其中一项', en: 'one of' },
};

/** The values for the category's fields, checked: each known, typed as declared, required ones present. */
export function checkExtra(
  category: Pick<Category, 'extraFields'>,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of category.extraFields) {
    const v = extra[f.key];
    if (v === undefined || v === null || v === '') {
      if (f.required) throw extraFieldError(f, EXTRA_PROBLEMS.required);
      continue;
    }
    const ok =
      f.type === 'enum'
        ? f.options?.includes(String(v))
        : typeof v === (f.type === 'number' ? 'number' : f.type === 'boolean' ? 'boolean' : 'string');
    if (!ok) {
      const options = f.options ? `（${f.options.join('/')}）` : '';
      throw extraFieldError(f, {
        zh: `须为${TYPE_NAMES[f.type].zh}${options}`,
        // the choices are the category's own words (Chinese): the English message counts them
        en: `must be ${TYPE_NAMES[f.type].en}${f.options ? ` its ${f.options.length} choices` : ''}`,
      });
    }
    out[f.key] = v;
  }
  const unknown = Object.keys(extra).filter((k) => !category.extraFields.some((f) => f.key === k));
  if (unknown.length) throw extraFieldError({ key: unknown[0] }, EXTRA_PROBLEMS.unknown);
  return out;
}

/**
 * A case's extra values when it is filed under `category`: the values it had that are fields of
 * that category, overlaid with what the dispatcher entered, then checked.
 */
export function refiledExtra(
  category: Pick<Category, 'extraFields'>,
  had: Record<string, unknown>,
  entered: Record<string, unknown> = {},
): Record<string, unknown> {
  const kept = Object.fromEntries(Object.entries(had).filter(([k]) => category.extraFields.some((f) => f.key === k)));
  return checkExtra(category, { ...kept, ...entered });
}
