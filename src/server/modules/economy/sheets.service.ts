/**
 * The income 台账 import (a dry run reports every bad row and writes nothing; an import writes every
 * row or none, with one audit row listing each village-year's amounts before and after), the
 * template, and the registers' exports.
 */
import { Readable, type Writable } from 'node:stream';
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { type CheckRow, type RowError, dryRun, importRows, writeTemplate, writeXlsx } from '../../platform/sheets';
import { cstDate } from '../../platform/calendar/working-time';
import type { IncomeSource } from './economy.labels';
import * as repo from './economy.repo';
import type { ImportOutcome } from './economy.schema';
import { EXPORT_SHEETS, type ExportSheet, INCOME_SHEET } from './economy.sheets';
import { currentYear, scopesFor } from './incomes.service';
import { contractView } from './registers.service';
import * as registers from './registers.repo';

type Row = Record<string, unknown>;
const err = (row: number, column: string, zh: string, en: string, code: string): RowError => ({
  row,
  column,
  reason: { zh, en },
  code,
});

/** A row's village: a 村委会 (economy_not_village) in the importer's area (economy_out_of_scope); [] when sound. */
export async function villageErrors(
  tx: Queryable,
  scopes: readonly string[],
  code: string,
  row: number,
): Promise<RowError[]> {
  const v = (await repo.villageKinds(tx, [code])).get(code);
  if (!v?.ok)
    return [
      err(row, 'villageCode', `不是村委会或不存在：${code}`, `Not a village committee: ${code}`, 'economy_not_village'),
    ];
  if (!scopes.some((s) => code.startsWith(s)))
    return [err(row, 'villageCode', `不在您的管辖范围：${code}`, `Outside your area: ${code}`, 'economy_out_of_scope')];
  return [];
}

/** Row checks against the database and the file: a 村委会 in the importer's area, a past year, no repeats. */
function checker(tx: Queryable, scopes: readonly string[], thisYear: number): CheckRow<Row> {
  const seen = new Map<string, number>();
  return async (r, row) => {
    const code = String(r.villageCode);
    const out: RowError[] = await villageErrors(tx, scopes, code, row);
    const year = Number(r.year);
    if (year > thisYear || year < 2000)
      out.push(
        err(
          row,
          'year',
          `年度 ${year} 不能晚于 ${thisYear} 或早于 2000`,
          `The year ${year} must be 2000–${thisYear}`,
          'economy_year_future',
        ),
      );
    const key = `${code}/${year}/${r.source}`;
    const first = seen.get(key);
    if (first !== undefined)
      out.push(
        err(
          row,
          'source',
          `与第 ${first} 行重复（同村、同年度、同来源）`,
          `Repeats row ${first} (same village, year and source)`,
          'duplicate',
        ),
      );
    else seen.set(key, row);
    return out;
  };
}

class RollBack extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('import rolled back');
  }
}

export async function importIncomes(
  deps: Deps,
  actor: UserActor,
  file: Buffer,
  format: 'xlsx' | 'csv',
  mode: 'dry-run' | 'all-or-nothing',
): Promise<ImportOutcome> {
  const scopes = scopesFor(actor);
  const open = () => ({ kind: format, stream: Readable.from([file]) });
  const now = deps.clock.now();
  const shown = (
    r: { totalRows: number; validRows: number; errorCount: number; errors: RowError[]; fileErrors: RowError[] },
    imported: number,
  ): ImportOutcome => ({
    mode,
    totalRows: r.totalRows,
    validRows: r.validRows,
    importedRows: imported,
    errorCount: r.errorCount + r.fileErrors.length,
    errors: [...r.fileErrors, ...r.errors].slice(0, 500),
  });
  try {
    return await deps.db.transaction(async (tx) => {
      const check = checker(tx, scopes, currentYear(deps));
      if (mode === 'dry-run') return shown(await dryRun(INCOME_SHEET, open(), check, {}), 0);
      const before = new Map<string, Partial<Record<IncomeSource, number>>>();
      const r = await importRows(INCOME_SHEET, open, {
        mode,
        checkRow: check,
        batchSize: 500,
        onBatch: async (rows) => {
          for (const { values: x } of rows) {
            const [village, year] = [String(x.villageCode), Number(x.year)];
            const key = `${village}/${year}`;
            if (!before.has(key)) before.set(key, await repo.incomesOf(tx, village, year, true));
            const note = typeof x.note === 'string' ? x.note.trim() : '';
            const row = { village, year, source: x.source as IncomeSource, amountFen: Number(x.amountFen), note };
            await repo.upsertIncome(tx, { ...row, by: actor.userId }, now);
          }
        },
      });
      if (r.fileErrors.length > 0 || r.errorCount > 0) throw new RollBack(shown(r, 0));
      const changes = [];
      for (const [key, b] of before) {
        const [village, year] = key.split('/');
        changes.push({ key, before: b, after: await repo.incomesOf(tx, village, Number(year)) });
      }
      await audit(tx, actor, {
        action: 'economy.income_import',
        entityType: 'collective_income',
        entityId: 'import',
        before: Object.fromEntries(changes.map((c) => [c.key, c.before])),
        after: Object.fromEntries(changes.map((c) => [c.key, c.after])),
      });
      return shown(r, r.importedRows);
    });
  } catch (e) {
    if (e instanceof RollBack) return e.outcome;
    throw e;
  }
}

export const incomeTemplate = (out: Writable, lang: 'zh' | 'en') => writeTemplate(INCOME_SHEET, out, lang);

async function exportRows(deps: Deps, scopes: string[], sheet: ExportSheet, year: number): Promise<Row[]> {
  if (sheet === 'incomes') {
    const villages = await repo.villageIncomes(deps.db, scopes, year, 100_000, null);
    return villages.flatMap((v) =>
      Object.entries(v.amounts).map(([source, amountFen]) => ({
        villageCode: v.code,
        villageName: v.name,
        year,
        source,
        amountFen,
      })),
    );
  }
  if (sheet === 'cooperatives')
    return (await registers.cooperatives(deps.db, scopes, 100_000, null)).map((c) => ({
      ...c,
      registeredOn: c.registeredOn ?? undefined,
    }));
  if (sheet === 'assets') return registers.assets(deps.db, scopes, 100_000, null);
  const day = cstDate(deps.clock.now());
  return (await registers.contracts(deps.db, scopes, 100_000, null)).flatMap((raw) => {
    const c = contractView(raw, day);
    const base = {
      villageCode: c.villageCode,
      villageName: c.villageName,
      subject: c.subject,
      counterparty: c.counterparty,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
    };
    if (!c.dues.length) return [base];
    return c.dues.map((d) => ({
      ...base,
      dueOn: d.dueOn,
      amountFen: d.amountFen,
      paidFen: d.paidFen,
      overdue: d.overdue ? '是' : '否',
    }));
  });
}

/** A register as 台账 (xlsx) of the actor's area; the export is audited. */
export async function exportSheet(
  deps: Deps,
  actor: UserActor,
  sheet: ExportSheet,
  year: number | undefined,
  out: Writable,
  lang: 'zh' | 'en',
) {
  const scopes = scopesFor(actor);
  const rows = await exportRows(deps, scopes, sheet, year ?? currentYear(deps));
  await deps.db.transaction((tx) =>
    audit(tx, actor, {
      action: 'economy.register_export',
      entityType: 'economy_register',
      entityId: sheet,
      after: { rows: rows.length, year: year ?? null },
    }),
  );
  await writeXlsx(EXPORT_SHEETS[sheet], rows, out, { lang });
}
