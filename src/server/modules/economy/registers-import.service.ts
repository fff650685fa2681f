/**
 * The collective economy's registers imported from the rural collective asset system's xlsx exports
 * (资产台账, 合同台账, 村社合一合作社): by the keepers of the villages' economy, each row in a 村委会
 * of their area; a dry run lists every bad row; an import writes every row or none with one audit
 * row of counts. Assets and cooperatives are found by village and name, contracts by village and
 * 合同编号: a re-import updates them. A contract's due payments are made from its annual amount and
 * payment schedule (scheduleDues); payments already received stay with their due dates.
 */
import type { Writable } from 'node:stream';
import type { UserActor } from '../../platform/actor';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { importSheet, rowError, type SheetFormat, type SheetImportMode } from '../../platform/sheet-import';
import { type RowError, type ValidatedRow, writeTemplate } from '../../platform/sheets';
import { scheduleDues } from './economy.domain';
import type { AssetKind, CooperativeKind, PaymentSchedule } from './economy.labels';
import { IMPORT_SHEETS, type ImportSheet } from './economy.sheets';
import * as repo from './imports.repo';
import { scopesFor } from './incomes.service';
import { villageErrors } from './sheets.service';

type Row = Record<string, unknown>;
const str = (r: Row, k: string) => (r[k] === undefined || r[k] === null ? '' : String(r[k]).trim());
type Counts = { created: number; updated: number; dues: number };

/** What a contract row was checked against: its asset and the contract it updates. */
interface ContractFacts {
  assetId: string | null;
  existingId: string | null;
  dues: { dueOn: string; amountFen: number }[];
}

function handlers(sheet: ImportSheet, actor: UserActor, scopes: string[], tx: Queryable, counts: Counts) {
  const keys = new Map<string, number>();
  const contracts = new Map<number, ContractFacts>();
  const repeated = (row: number, key: string, column: string): RowError[] => {
    const first = keys.get(key);
    if (first === undefined) {
      keys.set(key, row);
      return [];
    }
    return [rowError(row, column, `与第 ${first} 行重复`, `Repeats row ${first}`, 'duplicate')];
  };

  const checkContract = async (r: Row, row: number, village: string): Promise<RowError[]> => {
    const out: RowError[] = [];
    const [startsOn, endsOn] = [str(r, 'startsOn'), str(r, 'endsOn')];
    if (!(endsOn > startsOn))
      return [
        rowError(
          row,
          'endsOn',
          `结束日期 ${endsOn} 须晚于开始日期 ${startsOn}`,
          `The end ${endsOn} must be after the start ${startsOn}`,
          'economy_term_invalid',
        ),
      ];
    const dues = scheduleDues(startsOn, endsOn, Number(r.annualFen), r.schedule as PaymentSchedule);
    if (!dues.length)
      out.push(
        rowError(row, 'annualFen', '年租金须大于 0', 'The annual amount must be more than 0', 'economy_amount_invalid'),
      );
    let assetId: string | null = null;
    if (str(r, 'assetName')) {
      assetId = await repo.assetIdByName(tx, village, str(r, 'assetName'));
      if (!assetId)
        out.push(
          rowError(
            row,
            'assetName',
            `本村资产台账中没有：${str(r, 'assetName')}`,
            `The village has no such asset: ${str(r, 'assetName')}`,
            'economy_unknown_asset',
          ),
        );
    }
    const existing = await repo.contractByNo(tx, village, str(r, 'contractNo'));
    for (const p of existing?.paid ?? []) {
      const d = dues.find((x) => x.dueOn === p.dueOn);
      if (d && d.amountFen < p.paidFen)
        out.push(
          rowError(
            row,
            'annualFen',
            `${p.dueOn} 已收 ${p.paidFen / 100} 元，多于新的应收金额`,
            `${p.paidFen / 100} yuan was received on the ${p.dueOn} due, more than it would now be`,
            'economy_payment_invalid',
          ),
        );
    }
    if (!out.length) contracts.set(row, { assetId, existingId: existing?.id ?? null, dues });
    return out;
  };

  const check = async (r: Row, row: number): Promise<RowError[]> => {
    const village = str(r, 'villageCode');
    const out = await villageErrors(tx, scopes, village, row);
    const key = sheet === 'contracts' ? str(r, 'contractNo') : str(r, 'name');
    out.push(...repeated(row, `${village}/${key}`, sheet === 'contracts' ? 'contractNo' : 'name'));
    if (sheet === 'cooperatives' && Number(r.members) < 0)
      out.push(rowError(row, 'members', '成员数不能为负', 'Members cannot be negative', 'economy_members_invalid'));
    if (sheet === 'contracts' && !out.length) out.push(...(await checkContract(r, row, village)));
    return out;
  };

  const count = (how: 'created' | 'updated') => counts[how]++;
  const write = async (rows: ValidatedRow<Row>[]) => {
    for (const { rowNumber, values: r } of rows) {
      const villageCode = str(r, 'villageCode');
      if (sheet === 'cooperatives')
        count(
          await repo.upsertCooperative(tx, {
            villageCode,
            kind: r.kind as CooperativeKind,
            name: str(r, 'name'),
            members: Number(r.members),
            registrationNo: str(r, 'registrationNo'),
            registeredOn: str(r, 'registeredOn') || null,
          }),
        );
      else if (sheet === 'assets')
        count(
          await repo.upsertAsset(tx, {
            villageCode,
            kind: r.kind as AssetKind,
            name: str(r, 'name'),
            quantity: str(r, 'quantity'),
            bookValueFen: Number(r.bookValueFen),
            location: str(r, 'location'),
          }),
        );
      else {
        const facts = contracts.get(rowNumber)!;
        const c: repo.ImportedContract = {
          villageCode,
          contractNo: str(r, 'contractNo'),
          assetId: facts.assetId,
          subject: str(r, 'subject'),
          counterparty: str(r, 'counterparty'),
          startsOn: str(r, 'startsOn'),
          endsOn: str(r, 'endsOn'),
          annualFen: Number(r.annualFen),
          schedule: r.schedule as PaymentSchedule,
        };
        let id = facts.existingId;
        if (id) await repo.updateContract(tx, id, c);
        else id = await repo.insertContract(tx, c, actor.userId);
        await repo.replaceDues(tx, id, facts.dues);
        count(facts.existingId ? 'updated' : 'created');
        counts.dues += facts.dues.length;
      }
    }
  };
  return { check, write };
}

/** Imports a register of the collective economy as `actor` (403 for anyone who keeps none). */
export async function importRegister(
  deps: Deps,
  actor: UserActor,
  sheet: ImportSheet,
  file: Buffer,
  format: SheetFormat,
  mode: SheetImportMode,
) {
  const scopes = scopesFor(actor);
  const counts: Counts = { created: 0, updated: 0, dues: 0 };
  return importSheet(deps.db, actor, {
    spec: IMPORT_SHEETS[sheet],
    file,
    format,
    mode,
    prepare: (tx) => handlers(sheet, actor, scopes, tx, counts),
    audit: (_tx, n) => ({
      action: 'economy.register_import',
      entityType: 'economy_register',
      entityId: sheet,
      scopeCode: scopes.length === 1 ? scopes[0] : null,
      after: { sheet, format, ...n, ...counts },
    }),
  });
}

/** A register's import template: Chinese headers as the asset system exports them, English in the notes. */
export const registerTemplate = (sheet: ImportSheet, out: Writable) =>
  writeTemplate(IMPORT_SHEETS[sheet], out, 'zh', { oneLanguage: true });
