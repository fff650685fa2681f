/**
 * Demo data of the collective economy (idempotent, every row is_demo): collective income for every
 * 村委会 of the county for 2025 and 2026 with 141 of Shishou's 153 villages (92.2 %) at or above
 * 100,000 yuan — 百子庵村 just below it in 2026 (86,000 yuan) so that one entry moves the share — and
 * for 百子庵村 421081107212 the three cooperatives of 村社合一, three assets and three leases, one of
 * them with a due payment passed unpaid (overdue).
 */
import { auditSystem } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { INCOME_SOURCES } from './economy.labels';
import * as repo from './economy.repo';
import * as registers from './registers.repo';

export const DEMO_VILLAGE = '421081107212';
/** Villages below the threshold in the demo: 8 % of the county's (12 of 153 in Shishou). */
const BELOW_SHARE = 0.08;
/** A deterministic pseudo-random number in [0, 1) from a string. */
function unit(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h / 2 ** 32;
}

/** Splits a total (fen) over the four sources by shares drawn from the village code. */
function split(total: number, code: string, year: number): number[] {
  const w = INCOME_SOURCES.map((s) => 1 + Math.floor(unit(`${code}${year}${s}`) * 9));
  const sum = w.reduce((a, b) => a + b, 0);
  const parts = w.map((x) => Math.floor((total * x) / sum / 100) * 100);
  parts[0] += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

/** The demo's totals for one year: 8 % of the villages below, 百子庵村 below in 2026 and above in 2025. */
export function demoTotals(codes: readonly string[], year: number): Map<string, number> {
  const belowCount = Math.round(codes.length * BELOW_SHARE);
  const order = [...codes].sort((a, b) => unit(`${a}${year}`) - unit(`${b}${year}`));
  const others = order.filter((c) => c !== DEMO_VILLAGE);
  const demoBelow = year === 2026 && codes.includes(DEMO_VILLAGE);
  const low = new Set(demoBelow ? [DEMO_VILLAGE, ...others.slice(0, belowCount - 1)] : others.slice(0, belowCount));
  return new Map(
    codes.map((c) => {
      if (c === DEMO_VILLAGE) return [c, year === 2026 ? 8_600_000 : 13_250_000];
      const r = unit(`${c}:${year}`);
      return [c, low.has(c) ? 3_000_000 + Math.floor(r * 65_000) * 100 : 10_000_000 + Math.floor(r * 400_000) * 100];
    }),
  );
}

async function seedIncomes(deps: Deps, county: string, now: Date): Promise<number> {
  const codes = await repo.villageCodesIn(deps.db, county);
  let n = 0;
  await deps.db.transaction(async (tx) => {
    const rows = [];
    for (const year of [2025, 2026])
      for (const [code, total] of demoTotals(codes, year)) {
        const parts = split(total, code, year);
        for (const [i, source] of INCOME_SOURCES.entries())
          rows.push({ village: code, year, source, amountFen: parts[i] });
        n++;
      }
    await repo.insertDemoIncomes(tx, rows, now);
    await auditSystem(tx, 'demo', {
      action: 'economy.income_import',
      entityType: 'collective_income',
      entityId: 'demo',
      after: { villageYears: n },
    });
  });
  return n;
}

async function seedRegisters(deps: Deps) {
  const v = DEMO_VILLAGE;
  await deps.db.transaction(async (tx) => {
    const coops = [
      {
        kind: 'land',
        name: '百子庵村土地股份合作社',
        members: 412,
        registrationNo: '93421081MA4F1A2B3C',
        registeredOn: '2019-05-16',
      },
      {
        kind: 'joint_stock',
        name: '百子庵村股份经济合作社',
        members: 1286,
        registrationNo: 'N2421081MF1234567X',
        registeredOn: '2020-09-01',
      },
      {
        kind: 'professional',
        name: '石首市百子庵果蔬种植专业合作社',
        members: 58,
        registrationNo: '93421081MA49XYZ12Q',
        registeredOn: '2021-03-22',
      },
    ] as const;
    for (const c of coops) await registers.insertCooperative(tx, { villageCode: v, ...c }, true);
    const land = await registers.insertAsset(
      tx,
      { villageCode: v, kind: 'land', name: '机动地（三组）', quantity: '120亩', bookValueFen: 0 },
      true,
    );
    const hall = await registers.insertAsset(
      tx,
      { villageCode: v, kind: 'building', name: '村部闲置厂房', quantity: '800平方米', bookValueFen: 46_000_000 },
      true,
    );
    const dryer = await registers.insertAsset(
      tx,
      { villageCode: v, kind: 'equipment', name: '粮食烘干设备', quantity: '2台', bookValueFen: 18_000_000 },
      true,
    );
    const leases = [
      {
        assetId: land,
        subject: '机动地发包（种植）',
        counterparty: '石首市百子庵果蔬种植专业合作社',
        startsOn: '2024-01-01',
        endsOn: '2028-12-31',
        dues: [
          { dueOn: '2025-03-31', amountFen: 6_000_000, paidFen: 6_000_000, paidOn: '2025-03-20' },
          { dueOn: '2026-03-31', amountFen: 6_000_000, paidFen: 6_000_000, paidOn: '2026-03-28' },
          { dueOn: '2027-03-31', amountFen: 6_000_000 },
        ],
      },
      {
        assetId: hall,
        subject: '村部闲置厂房租赁',
        counterparty: '石首市荆楚农产品加工有限公司',
        startsOn: '2025-07-01',
        endsOn: '2030-06-30',
        dues: [
          { dueOn: '2025-07-15', amountFen: 2_400_000, paidFen: 2_400_000, paidOn: '2025-07-10' },
          { dueOn: '2026-07-15', amountFen: 2_400_000, paidFen: 1_000_000, paidOn: '2026-07-20' }, // overdue: 14,000 yuan unpaid
          { dueOn: '2027-07-15', amountFen: 2_400_000 },
        ],
      },
      {
        assetId: dryer,
        subject: '烘干设备托管运营',
        counterparty: '高基庙镇粮食专业合作社',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        dues: [{ dueOn: '2026-12-20', amountFen: 1_500_000 }],
      },
    ];
    for (const { dues, ...c } of leases) {
      const id = await registers.insertContract(tx, { villageCode: v, ...c }, null, true);
      for (const d of dues) await registers.insertDue(tx, id, d);
    }
  });
}

export async function economyDemo(deps: Deps): Promise<string | null> {
  const county = deps.config.countyCode;
  if (await repo.demoIncomeExists(deps.db, county)) return null;
  const n = await seedIncomes(deps, county, deps.clock.now());
  if (!(await registers.demoContractExists(deps.db, DEMO_VILLAGE)) && (await repo.division(deps.db, DEMO_VILLAGE)))
    await seedRegisters(deps);
  return `collective economy: ${n} village-years of income, 百子庵村's cooperatives, assets and leases`;
}
