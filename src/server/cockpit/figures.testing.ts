/** Test helpers of the modules' cockpit contributions (not a test file: *.testing.ts). */
import Value from 'typebox/value';
import { expect } from 'vitest';
import type { TestContext } from '../../../test/harness';
import { insertUser } from '../modules/identity/identity.repo';
import { CockpitPanelPart, type CockpitFigure, type CockpitView } from './cockpit.schema';

export const COUNTY = '421081';
export const TOWN = '421081107'; // 高基庙镇
export const VILLAGE = '421081107212'; // 百子庵村
export const OTHER = '421081107201'; // another village of the town
export const EMPTY_TOWN = '421081001'; // a street with none of the test's records

/** November 2026, the 30 days before it, November 2025. */
export const PERIODS = {
  period: { from: '2026-11-01', to: '2026-11-30' },
  previous: { from: '2026-10-02', to: '2026-10-31' },
  lastYear: { from: '2025-11-01', to: '2025-11-30' },
};

export const viewOf = (scope: string, kiosk = false): CockpitView => ({ scope, departments: null, ...PERIODS, kiosk });

/** An instant of a CST day. */
export const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);

/** Inserts rows into a table as the owner (each row's own columns), returning their ids when asked. */
export async function insertRows(ctx: TestContext, table: string, rows: Record<string, unknown>[], returning = 'id') {
  const out: string[] = [];
  for (const row of rows) {
    const cols = Object.keys(row);
    const { rows: r } = await ctx.db.owner.query<{ id: string }>(
      `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING ${returning} AS id`,
      cols.map((c) => row[c]),
    );
    out.push(r[0]?.id);
  }
  return out;
}

let users = 0;
/** A user row (staff or resident) for the tables that name one. */
export async function aUser(
  ctx: TestContext,
  kind: 'staff' | 'resident' = 'resident',
  home = VILLAGE,
): Promise<string> {
  users++;
  return ctx.db.transaction((tx) =>
    insertUser(tx, {
      kind,
      displayName: `用户${users}`,
      ...(kind === 'staff' ? { username: `cockpit-${process.pid}-${users}`, passwordHash: 'x' } : {}),
      phoneIndex: `cockpit-${process.pid}-${users}`,
      phoneMasked: `139****${users}`,
      homeDivisionCode: home,
    }),
  );
}

/** The panels are valid answers; a figure by key across them. */
export function figuresOf(panels: CockpitPanelPart[]): Record<string, CockpitFigure> {
  for (const p of panels) expect(Value.Check(CockpitPanelPart, p), p.key).toBe(true);
  return Object.fromEntries(panels.flatMap((p) => p.figures.map((f) => [f.key, f])));
}

/** value, previous, lastYear of a figure. */
export const triple = (f: CockpitFigure | undefined) => f && [f.value, f.previous, f.lastYear];

/** A kiosk's panels carry no drill link and no ledger anywhere. */
export function expectNoLinks(panels: CockpitPanelPart[]) {
  const text = JSON.stringify(panels);
  expect(text).not.toContain('"drill"');
  expect(text).not.toContain('"ledger"');
}

/** Every panel of the contribution reads 尚无数据 with no figure. */
export function expectNoData(panels: CockpitPanelPart[]) {
  expect(panels.length).toBeGreaterThan(0);
  for (const p of panels) expect(p).toMatchObject({ status: 'no_data', figures: [], rankings: [] });
}
