/**
 * Test helpers for selections: a test context whose database the CLI can open too (PGlite in a
 * folder, or the PostgreSQL clone's URL), a small register in 百子庵村 (a grid, households,
 * residents with phones, a party branch and one member) and one person outside the area.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { contextOn, createTestContext, TEST_SECRET, type TestContext } from '../../../../test/harness';
import { openPglite } from '../../platform/db/pglite';
import { refreshGridCoverage } from '../organisation/coverage.repo';
import { makeIdNumber } from '../organisation/id-number';
import {
  writeGrids,
  writeHouseholds,
  writePartyMembers,
  writePartyOrgs,
  writeResidents,
} from '../organisation/organisation.write';

export const TOWN = '421081107'; // 高基庙镇
export const VILLAGE = '421081107212'; // 百子庵村
export const GRID = `${VILLAGE}001`;
export const OTHER_VILLAGE = '421081001001';
export const OTHER_GRID = `${OTHER_VILLAGE}001`;
export const BRANCH = `${VILLAGE}-01`;

const ENV = {
  SESSION_IDLE_MINUTES: '1440',
  SESSION_MAX_HOURS: '720',
  RATE_LIMIT_SIGNIN_PER_MINUTE: '10000',
  RATE_LIMIT_PUBLIC_WRITE_PER_MINUTE: '10000',
};

/** The context, and the environment a CLI command needs to open the same database (PGlite: after ctx.close()). */
export async function createSelectionsContext(): Promise<{
  ctx: TestContext;
  cliEnv: Record<string, string>;
  cleanup: () => void;
}> {
  const info = inject('testDb');
  if (info.kind === 'postgresql') {
    const ctx = await createTestContext(ENV);
    return { ctx, cliEnv: { DATABASE_URL: ctx.url!, COCREATE_SECRET: TEST_SECRET }, cleanup: () => {} };
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cocreate-selections-'));
  const db = await openPglite(path.join(dataDir, 'pgdata'), new Blob([readFileSync(info.dumpPath)]));
  const ctx = await contextOn({ db }, ENV);
  return {
    ctx,
    cliEnv: { DATA_DIR: dataDir, COCREATE_SECRET: TEST_SECRET },
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

const square = (x: number, y: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x, y],
      [x + 0.01, y],
      [x + 0.01, y + 0.01],
      [x, y + 0.01],
      [x, y],
    ],
  ],
});

export interface RegisterPerson {
  name: string;
  phone: string | null;
  idNumber: string;
  household: string;
}

/** `n` people in 百子庵村 (one household each; phones `${prefix}NN`), the first a party member, and one outsider. */
export async function seedRegister(
  ctx: TestContext,
  n: number,
  prefix: string,
): Promise<{ people: RegisterPerson[]; outsider: RegisterPerson }> {
  const hh = (grid: string, i: number) => `${grid}000${String(i).padStart(4, '0')}`;
  const people: RegisterPerson[] = Array.from({ length: n }, (_, i) => ({
    name: `村民${String.fromCharCode(0x4e00 + i * 7)}${i}`,
    phone: `${prefix}${String(i + 1).padStart(11 - prefix.length, '0')}`,
    idNumber: makeIdNumber('421081', '19800101', 100 + i),
    household: hh(GRID, i + 1),
  }));
  const outsider = {
    name: '外村人',
    phone: `${prefix}${'9'.repeat(11 - prefix.length)}`,
    idNumber: makeIdNumber('421081', '19700101', 999),
    household: hh(OTHER_GRID, 1),
  };
  await ctx.db.transaction(async (tx) => {
    const c = { tx, crypto: ctx.deps.crypto };
    await writeGrids(c, [
      { code: GRID, name: '一网格', polygon: square(112.4, 29.7), synthetic: true },
      { code: OTHER_GRID, name: '外村一网格', polygon: square(112.5, 29.8), synthetic: true },
    ]);
    await writeHouseholds(
      c,
      [...people, outsider].map((p, i) => ({ code: p.household, address: `门牌${i + 1}号`, point: null })),
    );
    await writeResidents(
      c,
      [...people, outsider].map((p) => ({
        householdCode: p.household,
        name: p.name,
        idNumber: p.idNumber,
        phone: p.phone,
        relation: 'householder' as const,
      })),
    );
    await writePartyOrgs(c, [
      { code: BRANCH, name: '百子庵村党支部', kind: 'village_party_org', parentCode: null, divisionCode: VILLAGE },
    ]);
    await writePartyMembers(c, [
      {
        idNumber: people[0].idNumber,
        orgCode: BRANCH,
        membership: 'full',
        joinedOn: '2010-07-01',
        embeddedCadre: false,
        woodpecker: false,
      },
    ]);
    await refreshGridCoverage(tx, [GRID, OTHER_GRID]);
  });
  return { people, outsider };
}
