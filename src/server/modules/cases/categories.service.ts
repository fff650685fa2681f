/**
 * Category administration (county officers) and an in-process cache of the category table: every
 * report reads its category, and categories change rarely. Edits invalidate the cache.
 */
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Database } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { departmentExists } from '../access';
import { canManageCategories } from './capabilities.policy';
import { type Category, insertCategory, listCategories, updateCategory } from './categories.repo';
import { EXTRA_PROBLEMS, extraFieldError } from './extra-fields';

const cache = new WeakMap<Database, Promise<Map<string, Category>>>();

function all(db: Database): Promise<Map<string, Category>> {
  let p = cache.get(db);
  if (!p) {
    p = listCategories(db, true).then((rows) => new Map(rows.map((c) => [c.code, c])));
    cache.set(db, p);
    p.catch(() => cache.delete(db));
  }
  return p;
}

export async function cachedCategory(db: Database, code: string): Promise<Category | null> {
  return (await all(db)).get(code) ?? null;
}

export async function cachedCategories(db: Database): Promise<Category[]> {
  return [...(await all(db)).values()];
}

function assertAdmin(actor: Actor) {
  if (!canManageCategories(actor)) throw new AppError('forbidden');
}

/** A category's department key must name a department of this county (cases are routed to it). */
async function assertDepartment(deps: Deps, key: string | null | undefined): Promise<void> {
  if (key && !(await departmentExists(deps.db, `${deps.config.countyCode}-${key}`)))
    throw new AppError('unknown_department', { code: key });
}

/** An enum field needs its options; keys must not repeat. */
function assertExtraFields(fields: Category['extraFields'] | undefined): void {
  const seen = new Set<string>();
  for (const f of fields ?? []) {
    if (f.type === 'enum' && !f.options?.length) throw extraFieldError(f, EXTRA_PROBLEMS.enumWithoutOptions, f.key);
    if (seen.has(f.key)) throw extraFieldError(f, EXTRA_PROBLEMS.twice, f.key);
    seen.add(f.key);
  }
}

export type CategoryPatch = Parameters<typeof updateCategory>[2];

export async function editCategory(deps: Deps, actor: Actor, code: string, patch: CategoryPatch): Promise<Category> {
  assertAdmin(actor);
  const before = await cachedCategory(deps.db, code);
  if (!before) throw new AppError('unknown_category', { code });
  await assertDepartment(deps, patch.departmentKey);
  assertExtraFields(patch.extraFields);
  await deps.db.transaction(async (tx) => {
    await updateCategory(tx, code, patch);
    await audit(tx, actor, { action: 'categories.edit', entityType: 'category', entityId: code, before, after: patch });
  });
  cache.delete(deps.db);
  return (await cachedCategory(deps.db, code))!;
}

/** A local category (L + 4 digits) under the local major class. */
export async function createLocalCategory(
  deps: Deps,
  actor: Actor,
  input: Omit<Category, 'code' | 'parentCode' | 'kind' | 'active'>,
): Promise<Category> {
  assertAdmin(actor);
  await assertDepartment(deps, input.departmentKey);
  assertExtraFields(input.extraFields);
  const codes = [...(await all(deps.db)).keys()].filter((c) => /^L\d{4}$/.test(c)).map((c) => Number(c.slice(1)));
  const code = `L${String(Math.max(0, ...codes) + 1).padStart(4, '0')}`;
  await deps.db.transaction(async (tx) => {
    await insertCategory(tx, { ...input, code, parentCode: 'LM1', kind: 'local' });
    await audit(tx, actor, {
      action: 'categories.create',
      entityType: 'category',
      entityId: code,
      after: { ...input, code },
    });
  });
  cache.delete(deps.db);
  return (await cachedCategory(deps.db, code))!;
}
