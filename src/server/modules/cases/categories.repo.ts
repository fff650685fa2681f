import type { Queryable } from '../../platform/db/db';
import type { CategorySeed, ExtraField, Tier, TimeLimits } from './taxonomy';

/** A category as stored: the seed's fields (without its source) and whether it is in use. */
export type Category = Omit<CategorySeed, 'source'> & { active: boolean };

interface Raw {
  code: string;
  parent_code: string | null;
  kind: Category['kind'];
  name: string;
  name_en: string | null;
  synonyms: string[];
  default_tier: Tier;
  department_key: string | null;
  time_limits: TimeLimits;
  extra_fields: ExtraField[];
  is_public: boolean;
  active: boolean;
}

const toCategory = (r: Raw): Category => ({
  code: r.code,
  parentCode: r.parent_code,
  kind: r.kind,
  name: r.name,
  nameEn: r.name_en,
  synonyms: r.synonyms,
  defaultTier: r.default_tier,
  departmentKey: r.department_key,
  timeLimits: r.time_limits,
  extraFields: r.extra_fields,
  isPublic: r.is_public,
  active: r.active,
});

const COLUMNS =
  'code, parent_code, kind, name, name_en, synonyms, default_tier, department_key, time_limits, extra_fields, is_public, active';

/** Inserts missing categories; never overwrites a category a county has edited. */
export async function seedCategories(q: Queryable, seeds: readonly CategorySeed[]): Promise<number> {
  const r = await q.query(
    `INSERT INTO categories (code, parent_code, kind, name, name_en, synonyms, default_tier, department_key, time_limits, extra_fields, is_public, source)
     SELECT t.code, t.parent_code, t.kind, t.name, t.name_en, ARRAY(SELECT jsonb_array_elements_text(t.syn)), t.tier, t.dept, t.limits, t.extra, t.pub, t.source
       FROM jsonb_to_recordset($1::jsonb) AS t(code text, parent_code text, kind text, name text, name_en text, syn jsonb, tier text, dept text,
                                                limits jsonb, extra jsonb, pub boolean, source text)
     ON CONFLICT (code) DO NOTHING`,
    [
      JSON.stringify(
        seeds.map((s) => ({
          code: s.code,
          parent_code: s.parentCode,
          kind: s.kind,
          name: s.name,
          name_en: s.nameEn,
          syn: s.synonyms,
          tier: s.defaultTier,
          dept: s.departmentKey,
          limits: s.timeLimits,
          extra: s.extraFields,
          pub: s.isPublic,
          source: s.source,
        })),
      ),
    ],
  );
  return r.rowCount;
}

export async function listCategories(q: Queryable, includeInactive = false): Promise<Category[]> {
  const { rows } = await q.query<Raw>(
    `SELECT ${COLUMNS} FROM categories ${includeInactive ? '' : 'WHERE active'} ORDER BY code`,
  );
  return rows.map(toCategory);
}

export async function findCategory(q: Queryable, code: string): Promise<Category | null> {
  const { rows } = await q.query<Raw>(`SELECT ${COLUMNS} FROM categories WHERE code = $1`, [code]);
  return rows[0] ? toCategory(rows[0]) : null;
}

export async function updateCategory(
  q: Queryable,
  code: string,
  patch: Partial<
    Pick<
      Category,
      | 'name'
      | 'nameEn'
      | 'synonyms'
      | 'defaultTier'
      | 'departmentKey'
      | 'timeLimits'
      | 'extraFields'
      | 'isPublic'
      | 'active'
    >
  >,
): Promise<void> {
  const map: Record<string, [string, unknown]> = {
    name: ['name', patch.name],
    nameEn: ['name_en', patch.nameEn],
    synonyms: ['synonyms', patch.synonyms],
    defaultTier: ['default_tier', patch.defaultTier],
    departmentKey: ['department_key', patch.departmentKey],
    timeLimits: ['time_limits', patch.timeLimits && JSON.stringify(patch.timeLimits)],
    extraFields: ['extra_fields', patch.extraFields && JSON.stringify(patch.extraFields)],
    isPublic: ['is_public', patch.isPublic],
    active: ['active', patch.active],
  };
  const sets: string[] = [];
  const params: unknown[] = [code];
  for (const [key, [column, value]] of Object.entries(map)) {
    if (!(key in patch)) continue;
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  if (sets.length) await q.query(`UPDATE categories SET ${sets.join(', ')} WHERE code = $1`, params);
}

export async function insertCategory(q: Queryable, c: Omit<Category, 'active'>): Promise<void> {
  await q.query(
    `INSERT INTO categories (code, parent_code, kind, name, name_en, synonyms, default_tier, department_key, time_limits, extra_fields, is_public, source)
     VALUES ($1, $2, 'local', $3, $4, $5, $6, $7, $8, $9, $10, 'local')`,
    [
      c.code,
      c.parentCode,
      c.name,
      c.nameEn,
      c.synonyms,
      c.defaultTier,
      c.departmentKey,
      JSON.stringify(c.timeLimits),
      JSON.stringify(c.extraFields),
      c.isPublic,
    ],
  );
}
