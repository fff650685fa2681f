/**
 * Partner units, work groups and embedded cadres (共驻共建单位、专职工作组、下沉干部): the registers
 * kept by town and county officers, read by the staff of the places concerned; the 台账 import (a dry
 * run reports every bad row and writes nothing; an import writes every row or none, in one
 * transaction with its audit row) and export with each cadre's and unit's record; 一社一品.
 */
import type { Writable } from 'node:stream';
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import { maskPhone, normalizePhone } from '../../platform/crypto/masking';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { DEFAULT_PAGE_LIMIT, type PageRequest, pageOf } from '../../platform/page';
import { afterKey } from '../../platform/page-keys';
import {
  importSheet,
  type SheetFormat,
  type SheetImportMode,
  type SheetImportOutcome,
} from '../../platform/sheet-import';
import { type CheckRow, type RowError, writeXlsx } from '../../platform/sheets';
import { visitRecordOf } from '../care';
import { organisesAt, registerScopes, staffScopes } from './services.policy';
import type { UnitKind } from './services.labels';
import { PARTNER_SHEETS, type PartnerSheet, villagesOf } from './units.sheets';
import * as repo from './units.repo';

type Row = Record<string, unknown>;

/** The subtrees whose registers the actor reads (403 when none). */
export function readScopes(actor: UserActor): string[] {
  const scopes = [...new Set([...registerScopes(actor), ...staffScopes(actor)])];
  if (!scopes.length) throw new AppError('forbidden');
  return scopes;
}

function writeScopes(actor: UserActor): string[] {
  const scopes = registerScopes(actor);
  if (!scopes.length) throw new AppError('forbidden');
  return scopes;
}

export async function listUnits(deps: Deps, actor: UserActor, page: PageRequest) {
  const after = afterKey(page.cursor, ['string', 'uuid']);
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  return pageOf(await repo.listUnits(deps.db, readScopes(actor), limit + 1, after), limit, repo.unitKey);
}

export async function listCadres(deps: Deps, actor: UserActor, query: PageRequest & { unitId?: string }) {
  const after = afterKey(query.cursor, ['string', 'string', 'uuid']);
  const limit = query.limit ?? DEFAULT_PAGE_LIMIT;
  const rows = await repo.listCadres(deps.db, { scopes: readScopes(actor), unitId: query.unitId }, limit + 1, after);
  const page = pageOf(rows, limit, repo.cadreKey);
  const items = await withVisits(deps, page.items);
  return { ...page, items: items.map(({ phoneCipher: _p, userId: _u, ...c }) => c) };
}

/** Adds each cadre's 九必问 record (visits made, visits overdue) from the care module, through its account. */
async function withVisits<T extends repo.CadreRow>(deps: Deps, rows: T[]) {
  const ids = rows.flatMap((c) => (c.userId ? [c.userId] : []));
  const record = await visitRecordOf(deps.db, ids, deps.clock.now());
  return rows.map((c) => {
    const r = c.userId ? record.get(c.userId) : undefined;
    return { ...c, visits: r?.visits ?? 0, visitsOverdue: r?.overdue ?? 0 };
  });
}

export const listGroups = (deps: Deps, actor: UserActor) => repo.listGroups(deps.db, readScopes(actor));

const err = (row: number, column: string, zh: string, en: string, code: string): RowError => ({
  row,
  column,
  reason: { zh, en },
  code,
});

/** Row checks against the database: places exist and lie in the importer's area, units and groups exist. */
function checker(tx: Queryable, sheet: PartnerSheet, scopes: readonly string[]): CheckRow<Row> {
  const levels = new Map<string, number | null>();
  const level = async (code: string) => {
    if (!levels.has(code)) levels.set(code, (await repo.divisionLevels(tx, [code])).get(code) ?? null);
    return levels.get(code)!;
  };
  const inScope = (code: string) => scopes.some((s) => code.startsWith(s));
  const place = async (row: number, column: string, code: string, levelsOk: number[]) => {
    const l = await level(code);
    if (l === null || !levelsOk.includes(l))
      return [
        err(
          row,
          column,
          `区划代码不存在或级别不对：${code}`,
          `No such division at this level: ${code}`,
          'unknown_division',
        ),
      ];
    if (!inScope(code))
      return [err(row, column, `不在您的管辖范围：${code}`, `Outside your area: ${code}`, 'out_of_scope')];
    return [];
  };
  return async (r, row) => {
    if (sheet === 'units') return place(row, 'scopeCode', String(r.scopeCode), [3, 4, 5]);
    const unit = (await repo.unitIdsByCode(tx, [String(r.unitCode)])).get(String(r.unitCode));
    if (!unit)
      return [err(row, 'unitCode', `单位编号不存在：${r.unitCode}`, `No such unit: ${r.unitCode}`, 'unknown_unit')];
    if (sheet === 'groups') {
      const out: RowError[] = [];
      for (const v of villagesOf(r.villages)) out.push(...(await place(row, 'villages', v, [5])));
      return out;
    }
    const out = await place(row, 'communityCode', String(r.communityCode), [5]);
    if (r.gridCode !== undefined && r.gridCode !== null && r.gridCode !== '') {
      const grid = String(r.gridCode);
      if (!grid.startsWith(String(r.communityCode)) || (await level(grid)) !== 6)
        out.push(
          err(
            row,
            'gridCode',
            `网格不属于该村（社区）：${grid}`,
            `The grid is not in the community: ${grid}`,
            'grid_mismatch',
          ),
        );
    }
    if (r.groupName && !(await repo.groupId(tx, unit.id, String(r.groupName))))
      out.push(
        err(
          row,
          'groupName',
          `该单位没有这个工作组：${r.groupName}`,
          `The unit has no such work group: ${r.groupName}`,
          'unknown_group',
        ),
      );
    return out;
  };
}

async function writeRow(tx: Queryable, deps: Deps, sheet: PartnerSheet, r: Row, now: Date): Promise<void> {
  const s = (k: string) => (r[k] === undefined || r[k] === null ? '' : String(r[k]).trim());
  if (sheet === 'units') {
    await repo.upsertUnit(
      tx,
      {
        code: s('unitCode'),
        name: s('name'),
        kind: s('kind') as UnitKind,
        scopeCode: s('scopeCode'),
        contact: s('contact'),
      },
      now,
    );
    return;
  }
  const unit = (await repo.unitIdsByCode(tx, [s('unitCode')])).get(s('unitCode'))!;
  if (sheet === 'groups') {
    await repo.upsertGroup(tx, {
      unitId: unit.id,
      name: s('name'),
      leader: s('leader'),
      villages: villagesOf(r.villages),
    });
    return;
  }
  const phone = normalizePhone(s('phone'))!;
  await repo.upsertCadre(tx, {
    unitId: unit.id,
    name: s('name'),
    phoneCipher: deps.crypto.encrypt(phone),
    phoneIndex: deps.crypto.blindIndex('phone', phone),
    phoneMasked: maskPhone(phone),
    communityCode: s('communityCode'),
    gridCode: s('gridCode') || null,
    since: s('since'),
    workGroupId: s('groupName') ? await repo.groupId(tx, unit.id, s('groupName')) : null,
  });
}

/** Imports a register file (already read into memory): a dry run, or all rows or none (platform/sheet-import). */
export async function importPartnerSheet(
  deps: Deps,
  actor: UserActor,
  sheet: PartnerSheet,
  file: Buffer,
  format: SheetFormat,
  mode: SheetImportMode,
): Promise<SheetImportOutcome> {
  const scopes = writeScopes(actor);
  const now = deps.clock.now();
  return importSheet(deps.db, actor, {
    spec: PARTNER_SHEETS[sheet],
    file,
    format,
    mode,
    prepare: (tx) => ({
      check: checker(tx, sheet, scopes),
      write: async (rows) => {
        for (const x of rows) await writeRow(tx, deps, sheet, x.values, now);
      },
    }),
    audit: (_tx, n) => ({
      action: 'services.register_import',
      entityType: 'partner_register',
      entityId: sheet,
      after: { sheet, ...n },
    }),
  });
}

/** The register as a 台账 with each row's record (cadres' phones masked: a re-import needs the full numbers). */
export async function exportPartnerSheet(
  deps: Deps,
  actor: UserActor,
  sheet: PartnerSheet,
  out: Writable,
  lang: 'zh' | 'en',
) {
  const scopes = readScopes(actor);
  let rows: Row[];
  if (sheet === 'units') {
    rows = (await repo.listUnits(deps.db, scopes, 100_000, null)).map((u) => ({
      unitCode: u.code,
      name: u.name,
      kind: u.kind,
      scopeCode: u.scopeCode,
      contact: u.contact,
      cadres: u.cadres,
      activities: u.activitiesOrganised,
      hours: u.cadreHours,
      errands: u.errandsDone,
      thanks: u.thanks,
    }));
  } else if (sheet === 'groups') {
    rows = (await repo.listGroups(deps.db, scopes)).map((g) => ({
      unitCode: g.unitCode,
      name: g.name,
      leader: g.leader,
      villages: g.villages.join('、'),
    }));
  } else {
    rows = (await withVisits(deps, await repo.listCadres(deps.db, { scopes }, 100_000, null))).map((c) => ({
      unitCode: c.unitCode,
      name: c.name,
      phone: c.phoneMasked,
      communityCode: c.communityCode,
      gridCode: c.gridCode ?? undefined,
      since: c.since,
      groupName: c.workGroupName ?? undefined,
      activities: c.activities,
      hours: c.hours,
      errands: c.errands,
      thanks: c.thanks,
      visits: c.visits,
      visitsOverdue: c.visitsOverdue,
    }));
  }
  await deps.db.transaction((tx) =>
    audit(tx, actor, {
      action: 'services.register_export',
      entityType: 'partner_register',
      entityId: sheet,
      after: { rows: rows.length },
    }),
  );
  await writeXlsx(PARTNER_SHEETS[sheet], rows, out, { lang });
}

export interface SignatureInput {
  name: string;
  description: string;
}

/** 一社一品: the community's signature service, set by its staff. */
export async function saveSignature(deps: Deps, actor: UserActor, code: string, input: SignatureInput) {
  if (code.length !== 12 || !organisesAt(actor, code)) throw new AppError('services_bad_place', { code });
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    if (!(await repo.divisionLevels(tx, [code])).has(code)) throw new AppError('services_bad_place', { code });
    await repo.upsertSignature(tx, {
      divisionCode: code,
      name: input.name.trim(),
      description: input.description.trim(),
      now,
      by: actor.userId,
    });
    await audit(tx, actor, {
      action: 'services.signature_save',
      entityType: 'signature_service',
      entityId: code,
      scopeCode: code,
      after: input,
    });
    return (await repo.signaturesUnder(tx, code))[0];
  });
}

/** The signature services of a community, or of every community under a town or the county. */
export const signaturesUnder = (deps: Deps, code: string) => repo.signaturesUnder(deps.db, code);
