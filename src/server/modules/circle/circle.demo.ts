/**
 * Demo facilities of the service circle (idempotent, is_demo): for each kind, facilities next to
 * the synthetic population's homes in every second (third, fourth…) village, so some villages and
 * compounds are covered and others are not. Homes are the register's households with points (the
 * demo population gives every household one inside its grid); no road network is imported in the
 * demo, so distances are the straight line × the detour factor until one is.
 */
import type { Deps } from '../../platform/deps';
import { auditSystem } from '../../platform/audit/audit';
import { STATION_KIND } from './coverage.service';
import * as repo from './circle.repo';

export async function circleDemo(deps: Deps): Promise<string | null> {
  if ((await repo.listFacilities(deps.db)).length > 0) return null;
  const { rows } = await repo.loadHomes(deps.db, deps.config.countyCode);
  if (rows.length === 0) return null;
  const byVillage = new Map<string, repo.HomeRow[]>();
  for (const h of rows) {
    const v = h.code.slice(0, 12);
    byVillage.set(v, [...(byVillage.get(v) ?? []), h]);
  }
  const villages = [...byVillage.keys()].sort();
  const kinds = (await repo.listKinds(deps.db)).filter((k) => k.key !== STATION_KIND);
  const items: { kindKey: string; name: string; lng: number; lat: number }[] = [];
  kinds.forEach((k, ki) => {
    const every = 1 + (ki % 3); // every village, every second, every third
    villages.forEach((v, vi) => {
      if ((vi + ki) % every !== 0) return;
      const homes = byVillage.get(v)!;
      const h = homes[(ki * 7) % homes.length];
      items.push({ kindKey: k.key, name: `${k.name}（演示）`, lng: h.lng + 0.0004, lat: h.lat + 0.0003 });
    });
  });
  const written = await deps.db.ownerTransaction(async (tx) => {
    const r = await repo.insertFacilities(tx, items, deps.clock.now(), true);
    await auditSystem(tx, 'demo-seed', {
      action: 'circle.facility_import',
      entityType: 'circle_facility',
      after: { rows: r.length },
    });
    return r.length;
  });
  return `circle: ${written} demo facilities of ${kinds.length} kinds`;
}
