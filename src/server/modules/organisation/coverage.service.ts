/** 全覆盖 made measurable: households, households covered by a linked party member, and who is left. */
import type { Actor } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, decodeCursor, pageOf } from '../../platform/page';
import type { PageRequest } from './organisation.schema';
import { findDivision, listChildren } from '../divisions';
import { type CoverageFigures, coverageByChild, coverageUnder, uncoveredHouseholds } from './coverage.repo';
import { canReadPeopleAt } from './organisation.policy';

/** Coverage percentage with one decimal; null when there are no households. */
export function coveragePercent(f: CoverageFigures): number | null {
  return f.households === 0 ? null : Math.round((f.covered / f.households) * 1000) / 10;
}

const CHILD_LENGTH: Record<number, number> = { 6: 9, 9: 12, 12: 15 };

export async function coverageReport(deps: Deps, actor: Actor, code: string) {
  if (!canReadPeopleAt(actor, code)) throw new AppError('not_found', { what: `division ${code}` });
  const node = await findDivision(deps.db, code);
  if (!node) throw new AppError('not_found', { what: `division ${code}` });
  const figures = await coverageUnder(deps.db, code);
  const childLength = CHILD_LENGTH[code.length];
  const children = childLength ? await listChildren(deps.db, code) : [];
  const byChild = childLength ? await coverageByChild(deps.db, code, childLength) : new Map<string, CoverageFigures>();
  const zero = { households: 0, residents: 0, covered: 0 };
  return {
    code: node.code,
    name: node.name,
    level: node.level,
    ...figures,
    uncovered: figures.households - figures.covered,
    percent: coveragePercent(figures),
    children: children.map((c) => {
      const f = byChild.get(c.code) ?? zero;
      return {
        code: c.code,
        name: c.name,
        kind: c.kind,
        ...f,
        uncovered: f.households - f.covered,
        percent: coveragePercent(f),
      };
    }),
  };
}

/** Households no linked party member covers yet, a page at a time in household-code order. */
export async function uncoveredList(deps: Deps, actor: Actor, code: string, page: PageRequest) {
  if (!canReadPeopleAt(actor, code)) throw new AppError('not_found', { what: `division ${code}` });
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  const after = page.cursor ? (decodeCursor(page.cursor, ['string'])[0] as string) : null;
  const rows = await uncoveredHouseholds(deps.db, code, after, limit + 1);
  return pageOf(rows, limit, (r) => [r.code]);
}
