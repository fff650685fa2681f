/** The case visibility rule (cases.policy CaseReadScope) as SQL: used by the detail look-up and by every list. */
import type { Queryable } from '../../platform/db/db';
import type { CaseReadScope } from './cases.policy';
import { CASE_COLUMNS, type CaseRow } from './cases.repo';

/**
 * A WHERE predicate over `cases` (optionally aliased) that holds exactly when cases.policy inReadScope
 * holds. `p` adds a parameter and returns its placeholder. Scope codes are digits (no LIKE wildcards).
 */
export function readScopeSql(s: CaseReadScope, p: (v: unknown) => string, alias = ''): string {
  const col = (name: string) => (alias ? `${alias}.${name}` : name);
  const parts: string[] = [];
  if (s.userId !== null) {
    const me = p(s.userId);
    parts.push(`${col('reporter_id')} = ${me}`, `${col('handler_user_id')} = ${me}`);
  }
  if (s.staffScopes.length)
    parts.push(`${col('division_code')} LIKE ANY (${p(s.staffScopes.map((x) => `${x}%`))}::text[])`);
  if (s.departments.length) {
    parts.push(`(${col('handler_user_id')} IS NULL AND EXISTS (SELECT 1 FROM unnest(${p(s.departments.map((d) => d.departmentCode))}::text[], ${p(s.departments.map((d) => d.scopeCode))}::text[]) AS g(dept, scope)
      WHERE ${col('handler_department')} = g.dept AND ${col('division_code')} LIKE g.scope || '%'))`);
  }
  return parts.length ? `(${parts.join(' OR ')})` : 'false';
}

/** One case if the scope may read it (else null, as if it did not exist); FOR UPDATE inside a transaction when asked. */
export async function findReadableCase(
  q: Queryable,
  id: string,
  scope: CaseReadScope,
  forUpdate = false,
): Promise<CaseRow | null> {
  const params: unknown[] = [id];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const { rows } = await q.query<CaseRow>(
    `SELECT ${CASE_COLUMNS} FROM cases WHERE id = $1 AND ${readScopeSql(scope, p)} ${forUpdate ? 'FOR UPDATE' : ''}`,
    params,
  );
  return rows[0] ?? null;
}
