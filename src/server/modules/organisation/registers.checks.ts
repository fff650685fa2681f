/**
 * Row checks that need the database: parents exist, rows lie in the importer's area, a household's
 * point lies in its village, party members are known residents. Lookups are prefetched per scope
 * (sets of codes) or cached, so a 200,000-row register does not cost a query per row.
 */
import type { Polygon } from 'geojson';
import type { Queryable } from '../../platform/db/db';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import { distanceKm, pointInGeometry } from '../../platform/geo/geo.polygon';
import type { CheckRow, RowError } from '../../platform/sheets';
import type { SheetKind } from './organisation.write';
import { gridPolygonsUnder } from './places.repo';
import { codesUnder as codeSet, householdOfIdIndex, partyMemberOfIdIndex, partyOrgCodesUnder } from './registers.repo';

type Row = Record<string, unknown>;

const err = (row: number, column: string, code: string, zh: string, en: string): RowError => ({
  row,
  column,
  code,
  reason: { zh, en },
});

export async function makeChecker(
  tx: Queryable,
  crypto: FieldCrypto,
  sheet: SheetKind,
  scopes: readonly string[],
): Promise<CheckRow<Row>> {
  const inScope = (code: string) => scopes.some((s) => code.startsWith(s));
  const outside = (row: number, column: string, code: string) =>
    err(row, column, 'outside_scope', `${code} 不在您的管辖范围内`, `${code} is outside your area`);
  const missing = (row: number, column: string, what: [string, string], code: string) =>
    err(row, column, 'unknown_parent', `${what[0]} ${code} 不存在`, `${what[1]} ${code} does not exist`);
  switch (sheet) {
    case 'grids': {
      const villages = await codeSet(tx, 'divisions', scopes);
      return (r, n) => {
        const code = String(r.code);
        if (!inScope(code)) return [outside(n, '网格编码', code)];
        return villages.has(code.slice(0, 12))
          ? []
          : [missing(n, '网格编码', ['村（社区）', 'Village or community'], code.slice(0, 12))];
      };
    }
    case 'buildings': {
      const grids = await codeSet(tx, 'divisions', scopes);
      return (r, n) => {
        const code = String(r.code);
        if (!inScope(code)) return [outside(n, '楼栋编码', code)];
        if (code.endsWith('000'))
          return [
            err(
              n,
              '楼栋编码',
              'reserved_code',
              '楼栋号 000 保留给“无楼栋”的户',
              'building number 000 is reserved for households without a building',
            ),
          ];
        return grids.has(code.slice(0, 15)) ? [] : [missing(n, '楼栋编码', ['网格', 'Grid'], code.slice(0, 15))];
      };
    }
    case 'households': {
      const grids = await codeSet(tx, 'divisions', scopes);
      const buildings = await codeSet(tx, 'buildings', scopes);
      const byVillage = new Map<string, Polygon[]>();
      for (const g of await gridPolygonsUnder(tx, scopes))
        byVillage.set(g.gridCode.slice(0, 12), [...(byVillage.get(g.gridCode.slice(0, 12)) ?? []), g.polygon]);
      /** Inside one of the village's grids, or within 30 m of one (coordinate rounding, GPS error). */
      const inVillage = (village: string, p: [number, number]) => {
        const polygons = byVillage.get(village);
        if (!polygons) return true; // no areas drawn for this village: nothing to check against
        return polygons.some((g) => pointInGeometry(g, p)) || Math.min(...polygons.map((g) => distanceKm(g, p))) < 0.03;
      };
      return (r, n) => {
        const code = String(r.code);
        if (!inScope(code)) return [outside(n, '户编码', code)];
        if (!grids.has(code.slice(0, 15))) return [missing(n, '户编码', ['网格', 'Grid'], code.slice(0, 15))];
        const building = code.slice(15, 18);
        if (building !== '000' && !buildings.has(code.slice(0, 18)))
          return [missing(n, '户编码', ['楼栋', 'Building'], code.slice(0, 18))];
        if (typeof r.lng === 'number' && typeof r.lat === 'number') {
          if (!inVillage(code.slice(0, 12), [r.lng, r.lat])) {
            return [
              err(
                n,
                '经度',
                'outside_village',
                `位置（${r.lng}, ${r.lat}）不在所属村（社区）${code.slice(0, 12)} 范围内`,
                `The point (${r.lng}, ${r.lat}) is outside its village ${code.slice(0, 12)}`,
              ),
            ];
          }
        }
        if ((typeof r.lng === 'number') !== (typeof r.lat === 'number'))
          return [err(n, '经度', 'half_point', '经度和纬度须同时填写', 'give both longitude and latitude')];
        return [];
      };
    }
    case 'residents': {
      const households = await codeSet(tx, 'households', scopes);
      return (r, n) => {
        const code = String(r.householdCode);
        if (!inScope(code)) return [outside(n, '户编码', code)];
        return households.has(code) ? [] : [missing(n, '户编码', ['户', 'Household'], code)];
      };
    }
    case 'partyMembers': {
      const orgs = await partyOrgCodesUnder(tx, scopes);
      return async (r, n) => {
        const errors: RowError[] = [];
        if (!orgs.has(String(r.orgCode)))
          errors.push(missing(n, '党组织编码', ['党组织', 'Party organisation'], String(r.orgCode)));
        const household = await householdOfIdIndex(tx, crypto.blindIndex('id', String(r.idNumber)));
        if (!household)
          errors.push(
            err(
              n,
              '身份证号',
              'unknown_resident',
              '该身份证号的居民不在居民台账中，请先导入居民',
              'no resident with this ID number: import residents first',
            ),
          );
        else if (!inScope(household)) errors.push(outside(n, '身份证号', household));
        return errors;
      };
    }
    case 'links': {
      const households = await codeSet(tx, 'households', scopes);
      return async (r, n) => {
        const errors: RowError[] = [];
        const code = String(r.householdCode);
        if (!inScope(code)) errors.push(outside(n, '联系户编码', code));
        else if (!households.has(code)) errors.push(missing(n, '联系户编码', ['户', 'Household'], code));
        const member = await partyMemberOfIdIndex(tx, crypto.blindIndex('id', String(r.memberIdNumber)));
        if (!member)
          errors.push(
            err(
              n,
              '党员身份证号',
              'unknown_member',
              '该身份证号不是已登记的党员',
              'no registered party member has this ID number',
            ),
          );
        return errors;
      };
    }
    default:
      return () => [];
  }
}
