/**
 * Importing and exporting registers. A dry run reports every bad row (row, column, reason in
 * Chinese and English) and writes nothing; an import writes all rows or nothing
 * ('all-or-nothing'), or only the valid rows ('valid-only'), in ONE transaction with the coverage
 * refresh and an audit row — a failure leaves the database as it was. Re-import upserts by code
 * or ID number, so it is idempotent.
 */
import type { Writable } from 'node:stream';
import type { Actor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import {
  dryRun,
  importRows,
  type DryRunResult,
  type ImportProgress,
  type SheetSource,
  writeTemplate,
  writeXlsx,
} from '../../platform/sheets';
import { invalidateGridIndex } from './grid-index';
import { exportable, exportRows } from './registers.repo';
import { scopesWith } from '../access';
import { PEOPLE_EDITORS } from './organisation.policy';
import { REGISTERS, type Register } from './registers.sheets';
import { makeChecker } from './registers.checks';
import * as write from './organisation.write';

export type ImportMode = 'dry-run' | 'valid-only' | 'all-or-nothing';

const WRITERS: Record<write.SheetKind, (c: write.WriteContext, rows: never[]) => Promise<Set<string>>> = {
  grids: write.writeGrids,
  compounds: write.writeCompounds,
  buildings: write.writeBuildings,
  households: write.writeHouseholds,
  residents: write.writeResidents,
  partyOrgs: write.writePartyOrgs,
  partyMembers: write.writePartyMembers,
  links: write.writeLinks,
};

export function registerOf(sheet: string): Register<unknown> {
  const r = REGISTERS[sheet as write.SheetKind];
  if (!r) throw new AppError('not_found', { what: `register ${sheet}` });
  return r;
}

/** The importer's editable subtrees; the command line (actor 'cli') may write anywhere in the county. */
function editScopes(deps: Deps, actor: Actor | 'cli'): string[] {
  if (actor === 'cli') return [deps.config.countyCode];
  const scopes = scopesWith(actor, PEOPLE_EDITORS);
  if (scopes.length === 0) throw new AppError('forbidden');
  return scopes;
}

export interface ImportOutcome extends DryRunResult {
  mode: ImportMode;
  importedRows: number;
}

export async function runImport(
  deps: Deps,
  actor: Actor | 'cli',
  sheet: string,
  open: () => SheetSource,
  mode: ImportMode,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportOutcome> {
  const register = registerOf(sheet);
  const scopes = editScopes(deps, actor);
  const kind = sheet as write.SheetKind;
  const auditActor: Actor = actor === 'cli' ? { kind: 'anonymous', ip: null } : actor;
  try {
    return await deps.db.transaction(async (tx) => {
      const checkRow = await makeChecker(tx, deps.crypto, kind, scopes);
      if (mode === 'dry-run') {
        const r = await dryRun(register.spec, open(), checkRow, {});
        return { ...r, mode, importedRows: 0 };
      }
      const touched = new Set<string>();
      const ctx = { tx, crypto: deps.crypto };
      const r = await importRows(register.spec, open, {
        mode,
        checkRow,
        batchSize: 1000,
        onProgress,
        onBatch: async (rows) => {
          const records = rows.map((x) => register.toRecord(x.values)) as never[];
          for (const g of await WRITERS[kind](ctx, records)) touched.add(g);
        },
      });
      if (r.fileErrors.length > 0) throw new RollBack({ ...r, mode, importedRows: 0 });
      await write.refreshCoverage(tx, touched);
      await audit(tx, auditActor, {
        action: `registers.import_${sheet}`,
        entityType: 'register',
        entityId: sheet,
        label: actor === 'cli' ? 'cli' : undefined,
        after: { mode, totalRows: r.totalRows, importedRows: r.importedRows, rejectedRows: r.invalidRows },
      });
      return { ...r, mode, importedRows: r.importedRows };
    });
  } catch (e) {
    if (e instanceof RollBack) return e.outcome;
    throw e;
  } finally {
    if (kind === 'grids' && mode !== 'dry-run') invalidateGridIndex(deps.db);
  }
}

class RollBack extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('import rolled back');
  }
}

export async function writeRegisterTemplate(sheet: string, out: Writable, lang: 'zh' | 'en'): Promise<void> {
  await writeTemplate(registerOf(sheet).spec, out, lang);
}

/** Export rows in the actor's scope as a 台账 that re-imports unchanged (identifiers masked unless revealed rights). */
export async function exportRegister(
  deps: Deps,
  actor: Actor,
  sheet: string,
  scope: string,
  out: Writable,
  lang: 'zh' | 'en',
): Promise<void> {
  const scopes = editScopes(deps, actor);
  if (!scopes.some((s) => scope.startsWith(s))) throw new AppError('not_found', { what: `division ${scope}` });
  const register = registerOf(sheet);
  const kind = sheet as write.SheetKind;
  if (!exportable(kind)) throw new AppError('not_found', { what: `export of ${sheet}` });
  const rows = await exportRows(deps.db, kind, scope);
  await deps.db.transaction((tx) =>
    audit(tx, actor, {
      action: `registers.export_${sheet}`,
      entityType: 'register',
      entityId: sheet,
      scopeCode: scope,
      after: { rows: rows.length },
    }),
  );
  await writeXlsx(
    register.spec,
    rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null))),
    out,
    { lang },
  );
}
