import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isCompoundCode, placeLevel } from '../codes';
import { parseIdNumber } from '../id-number';
import { generateDemo, REAL_FIGURES } from './index';

const digest = (items: Iterable<unknown>) => {
  const h = createHash('sha256');
  for (const x of items) h.update(JSON.stringify(x)).update('\n');
  return h.digest('hex');
};

const all = (d: ReturnType<typeof generateDemo>) => ({
  grids: [...d.grids()],
  compounds: [...d.compounds()],
  buildings: [...d.buildings()],
  households: [...d.households()],
  residents: [...d.residents()],
  orgs: [...d.partyOrgs()],
  members: [...d.partyMembers()],
  links: [...d.links()],
});

describe('generateDemo at scale 0.01', () => {
  const demo = generateDemo({ countyCode: '421081', scale: 0.01, seed: 7 });
  const data = all(demo);

  it('is deterministic for a (seed, scale) and differs across seeds', () => {
    const again = generateDemo({ countyCode: '421081', scale: 0.01, seed: 7 });
    for (const stream of [
      'grids',
      'buildings',
      'households',
      'residents',
      'partyOrgs',
      'partyMembers',
      'links',
    ] as const) {
      expect(digest(again[stream]()), stream).toBe(digest(demo[stream]()));
    }
    expect(digest(again.compounds())).toBe(digest(demo.compounds()));
    const other = generateDemo({ countyCode: '421081', scale: 0.01, seed: 8 });
    expect(digest(other.residents())).not.toBe(digest(demo.residents()));
  });

  it('covers the county divisions: 203 units, grids under each, all synthetic', () => {
    const s = demo.summary();
    expect(s.villages).toEqual({ communities: 39, villages: 153, livingAreas: 11 });
    expect(s.towns).toBe(15);
    expect(s.grids).toBe(data.grids.length);
    expect(data.grids.every((g) => g.synthetic && g.polygon !== null)).toBe(true);
    const perVillage = new Map<string, number>();
    for (const g of data.grids) perVillage.set(g.code.slice(0, 12), (perVillage.get(g.code.slice(0, 12)) ?? 0) + 1);
    expect(perVillage.size).toBe(203);
    for (const [code, n] of perVillage)
      if (code[9] === '2') expect(n).toBeGreaterThanOrEqual(3), expect(n).toBeLessThanOrEqual(8);
  });

  it('counts are within ±10% of 1% of the real figures', () => {
    const near = (actual: number, expected: number) => expect(Math.abs(actual - expected) / expected).toBeLessThan(0.1);
    near(data.households.length, REAL_FIGURES.households * 0.01);
    near(data.residents.length, REAL_FIGURES.residents * 0.01);
    near(data.members.filter((m) => m.woodpecker).length, REAL_FIGURES.woodpeckers * 0.01);
    near(data.members.filter((m) => m.embeddedCadre).length, REAL_FIGURES.embeddedCadres * 0.01);
    const adults = data.residents.filter(
      (r) => parseIdNumber(r.idNumber).ok && 2025 - Number(r.idNumber.slice(6, 10)) > 18,
    ).length;
    expect(data.members.length / adults).toBeGreaterThan(0.055);
    expect(data.members.length / adults).toBeLessThan(0.09);
    const perHousehold = data.residents.length / data.households.length;
    expect(perHousehold).toBeGreaterThan(2.6);
    expect(perHousehold).toBeLessThan(3.0);
  });

  it('gives every resident a valid, unique 421081 ID number consistent with the household', () => {
    const seen = new Set<string>();
    const householders = new Map<string, 'M' | 'F'>();
    for (const r of data.residents) {
      const parsed = parseIdNumber(r.idNumber);
      expect(parsed.ok, r.idNumber).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.regionCode).toBe('421081');
      expect(seen.has(r.idNumber)).toBe(false);
      seen.add(r.idNumber);
      if (r.relation === 'householder') householders.set(r.householdCode, parsed.value.gender);
      if (r.relation === 'spouse') expect(parsed.value.gender).not.toBe(householders.get(r.householdCode));
      expect(r.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    }
    const phones = data.residents.flatMap((r) => (r.phone ? [r.phone] : []));
    expect(new Set(phones).size).toBe(phones.length);
    for (const p of phones) expect(p).toMatch(/^17[01]\d{8}$/);
  });

  it('follows the code scheme, and every parent exists', () => {
    const villages = new Set(data.grids.map((g) => g.code.slice(0, 12)));
    const grids = new Set(data.grids.map((g) => g.code));
    const compounds = new Set(data.compounds.map((c) => c.code));
    const buildings = new Set(data.buildings.map((b) => b.code));
    const households = new Set(data.households.map((h) => h.code));
    for (const g of data.grids) expect(placeLevel(g.code)).toBe('grid');
    for (const c of data.compounds) expect(isCompoundCode(c.code) && villages.has(c.code.slice(0, 12))).toBe(true);
    for (const b of data.buildings) {
      expect(placeLevel(b.code)).toBe('building');
      expect(grids.has(b.code.slice(0, 15)) && compounds.has(b.compoundCode ?? '')).toBe(true);
    }
    for (const h of data.households) {
      expect(placeLevel(h.code)).toBe('household');
      const building = h.code.slice(0, 18);
      expect(buildings.has(building) || (building.endsWith('000') && grids.has(h.code.slice(0, 15)))).toBe(true);
      expect(h.address).toMatch(/^石首市.+(街道|镇|乡|开发区).+(\d+组\d+号|\d+栋\d单元\d{3,4})$/);
    }
    for (const r of data.residents) expect(households.has(r.householdCode)).toBe(true);
    const orgs = new Map(data.orgs.map((o) => [o.code, o]));
    expect(orgs.size).toBe(data.orgs.length);
    for (const o of data.orgs) {
      expect(o.code).toMatch(/^\d{9}(\d{3}(\d{3})?)?-\d{2}$/);
      if (o.parentCode) expect(orgs.has(o.parentCode), o.parentCode).toBe(true);
      expect(o.code.startsWith(o.divisionCode)).toBe(true);
    }
    const ids = new Set(data.residents.map((r) => r.idNumber));
    for (const m of data.members) expect(orgs.has(m.orgCode) && ids.has(m.idNumber)).toBe(true);
    const members = new Set(data.members.map((m) => m.idNumber));
    for (const l of data.links) expect(members.has(l.memberIdNumber) && households.has(l.householdCode)).toBe(true);
  });

  it('links members to 5–15 households of their own grid, leaving a few percent uncovered', () => {
    const homeOf = new Map(data.residents.map((r) => [r.idNumber, r.householdCode]));
    const perMember = new Map<string, number>();
    for (const l of data.links) {
      expect(l.householdCode.slice(0, 15)).toBe(homeOf.get(l.memberIdNumber)?.slice(0, 15));
      if (l.hub) expect(l.householdCode).toBe(homeOf.get(l.memberIdNumber));
      else perMember.set(l.memberIdNumber, (perMember.get(l.memberIdNumber) ?? 0) + 1);
    }
    expect(Math.max(...perMember.values())).toBeLessThanOrEqual(15);
    expect(data.links.some((l) => l.hub)).toBe(true);
    const covered = new Set(data.links.map((l) => l.householdCode));
    const uncovered = 1 - covered.size / data.households.length;
    expect(uncovered).toBeGreaterThan(0.01);
    expect(uncovered).toBeLessThan(0.1);
  });
});
