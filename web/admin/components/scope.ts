/** The places the signed-in staff member works in (the scopes of their grants), widest first. */
import type { Me } from '../../shared/types';

export function scopeRoots(me: Me, fallback: string): string[] {
  const codes = [...new Set(me.grants.map((g) => g.scopeCode))].sort((a, b) => a.length - b.length);
  const roots = codes.filter((c) => !codes.some((o) => o !== c && c.startsWith(o)));
  return roots.length ? roots : [fallback];
}
