/**
 * Batch writers shared by the register import and the demo loader. Each takes a transaction and
 * returns the grids it touched so the caller refreshes their coverage in the same transaction.
 */
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Queryable } from '../../platform/db/db';
import { refreshGridCoverage } from './coverage.repo';
import { parseIdNumber } from './id-number';
import { memberIdsByResident, upsertLinks, upsertPartyMembers, upsertPartyOrgs } from './party.repo';
import { protectResident } from './people.service';
import { residentIdsByIndex, upsertResidents } from './people.repo';
import { upsertBuildings, upsertCompounds, upsertGrids, upsertHouseholds } from './places.repo';
import type {
  BuildingRecord,
  CompoundRecord,
  GridRecord,
  HouseholdRecord,
  LinkRecord,
  PartyMemberRecord,
  PartyOrgRecord,
  ResidentRecord,
} from './records';

export type SheetKind =
  | 'grids'
  | 'compounds'
  | 'buildings'
  | 'households'
  | 'residents'
  | 'partyOrgs'
  | 'partyMembers'
  | 'links';

export interface WriteContext {
  tx: Queryable;
  crypto: FieldCrypto;
  isDemo?: boolean;
}

const grids = (codes: Iterable<string>) => new Set([...codes].map((c) => c.slice(0, 15)));

export async function writeGrids(c: WriteContext, rows: readonly GridRecord[]): Promise<Set<string>> {
  await upsertGrids(
    c.tx,
    rows.map((r) => ({ ...r, isDemo: c.isDemo })),
  );
  return grids(rows.map((r) => r.code));
}

export async function writeCompounds(c: WriteContext, rows: readonly CompoundRecord[]): Promise<Set<string>> {
  await upsertCompounds(
    c.tx,
    rows.map((r) => ({ ...r, isDemo: c.isDemo })),
  );
  return new Set();
}

export async function writeBuildings(c: WriteContext, rows: readonly BuildingRecord[]): Promise<Set<string>> {
  await upsertBuildings(
    c.tx,
    rows.map((r) => ({ ...r, isDemo: c.isDemo })),
  );
  return new Set();
}

export async function writeHouseholds(c: WriteContext, rows: readonly HouseholdRecord[]): Promise<Set<string>> {
  await upsertHouseholds(
    c.tx,
    rows.map((r) => ({ ...r, isDemo: c.isDemo })),
  );
  return grids(rows.map((r) => r.code));
}

export async function writeResidents(c: WriteContext, rows: readonly ResidentRecord[]): Promise<Set<string>> {
  await upsertResidents(
    c.tx,
    rows.map((r) => protectResident(c.crypto, r, c.isDemo)),
  );
  return grids(rows.map((r) => r.householdCode));
}

export async function writePartyOrgs(c: WriteContext, rows: readonly PartyOrgRecord[]): Promise<Set<string>> {
  await upsertPartyOrgs(
    c.tx,
    rows.map((r) => ({ ...r, isDemo: c.isDemo })),
  );
  return new Set();
}

const idIndex = (crypto: FieldCrypto, idNumber: string) => {
  const p = parseIdNumber(idNumber);
  return crypto.blindIndex('id', p.ok ? p.value.idNumber : idNumber.trim().toUpperCase());
};

/** Party members are residents found by ID number; unknown ones are the caller's row errors. */
export async function writePartyMembers(c: WriteContext, rows: readonly PartyMemberRecord[]): Promise<Set<string>> {
  const byIndex = await residentIdsByIndex(
    c.tx,
    rows.map((r) => idIndex(c.crypto, r.idNumber)),
  );
  await upsertPartyMembers(
    c.tx,
    rows.flatMap((r) => {
      const resident = byIndex.get(idIndex(c.crypto, r.idNumber));
      return resident
        ? [
            {
              residentId: resident.id,
              orgCode: r.orgCode,
              membership: r.membership,
              joinedOn: r.joinedOn,
              embeddedCadre: r.embeddedCadre,
              woodpecker: r.woodpecker,
              isDemo: c.isDemo,
            },
          ]
        : [];
    }),
  );
  return new Set();
}

export async function writeLinks(c: WriteContext, rows: readonly LinkRecord[]): Promise<Set<string>> {
  const byIndex = await residentIdsByIndex(
    c.tx,
    rows.map((r) => idIndex(c.crypto, r.memberIdNumber)),
  );
  const members = await memberIdsByResident(
    c.tx,
    [...byIndex.values()].map((v) => v.id),
  );
  await upsertLinks(
    c.tx,
    rows.flatMap((r) => {
      const resident = byIndex.get(idIndex(c.crypto, r.memberIdNumber));
      const memberId = resident && members.get(resident.id);
      return memberId ? [{ memberId, householdCode: r.householdCode, hub: r.hub }] : [];
    }),
  );
  return grids(rows.map((r) => r.householdCode));
}

export async function refreshCoverage(tx: Queryable, touched: Iterable<string>): Promise<void> {
  const codes = [...new Set(touched)].sort();
  for (let i = 0; i < codes.length; i += 500) await refreshGridCoverage(tx, codes.slice(i, i + 500));
}
