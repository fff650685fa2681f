/** A category's extra fields (typed, required or not): what a report or a refiling may carry. Pure. */
import { AppError } from '../../platform/errors';
import type { Category } from './categories.repo';

/** The values for the category's fields, checked: each known, typed as declared, required ones present. */
export function checkExtra(
  category: Pick<Category, 'extraFields'>,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of category.extraFields) {
    const v = extra[f.key];
    if (v === undefined || v === null || v === '') {
      if (f.required) throw new AppError('extra_field_invalid', { field: f.label.zh, problem: 'is required' });
      continue;
    }
    const ok =
      f.type === 'enum'
        ? f.options?.includes(String(v))
        : typeof v === (f.type === 'number' ? 'number' : f.type === 'boolean' ? 'boolean' : 'string');
    if (!ok)
      throw new AppError('extra_field_invalid', {
        field: f.label.zh,
        problem: `must be ${f.type}${f.options ? ` (${f.options.join('/')})` : ''}`,
      });
    out[f.key] = v;
  }
  const unknown = Object.keys(extra).filter((k) => !category.extraFields.some((f) => f.key === k));
  if (unknown.length)
    throw new AppError('extra_field_invalid', { field: unknown[0], problem: 'is not a field of this category' });
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
