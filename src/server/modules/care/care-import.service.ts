/**
 * The 九必问 register import (特殊困难群体台账导入): officers who manage the register of a place import
 * its people from the template. A dry run lists every bad row; an import writes every row or none in
 * one transaction with one audit row of counts (no personal data). A person is found by the blind
 * index of their ID number: one already on the register is updated, not duplicated; one not yet in
 * the resident register gets a household in their grid. New persons get their first visit
 * obligation as when registered by hand; a tier change rolls it as an edit does.
 */
import type { Writable } from 'node:stream';
import type { UserActor } from '../../platform/actor';
import { cstDate } from '../../platform/calendar/working-time';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { importSheet, rowError, type SheetFormat, type SheetImportMode } from '../../platform/sheet-import';
import { type RowError, type ValidatedRow, writeTemplate } from '../../platform/sheets';
import { refreshCoverage, writeHouseholds, writeResidents } from '../organisation';
import * as repo from './care-import.repo';
import { CARE_IMPORT_SHEET, type CareImportRow, categoryLabelsOf } from './care-import.sheets';
import type { CareSettings } from './care.domain';
import { registerScopes } from './care.policy';
import { settingsFor } from './register.service';
import { nextDueAt } from './schedule.domain';

/** What the checks found for a row, used again by the writer. */
interface Resolved {
  idIndex: string;
  gridCode: string;
  resident: repo.KnownResident | null;
  categories: string[];
  workerId: string;
}

const placeError = (row: number, column: string, zh: string, en: string) => [rowError(row, column, zh, en, 'place')];

/** Places of the importer's area by code and by name (a name may be shared: then it is ambiguous). */
class Places {
  private readonly byCode = new Map<string, repo.Place>();
  private readonly byName = new Map<string, repo.Place[]>();
  private readonly grids = new Map<string, repo.Place[]>();
  constructor(places: repo.Place[]) {
    for (const p of places) {
      this.byCode.set(p.code, p);
      if (p.level === 6) this.grids.set(p.code.slice(0, 12), [...(this.grids.get(p.code.slice(0, 12)) ?? []), p]);
      const key = p.level === 5 ? `5//${p.name}` : `6/${p.code.slice(0, 12)}/${p.name}`;
      this.byName.set(key, [...(this.byName.get(key) ?? []), p]);
    }
  }
  village(cell: string): repo.Place | 'unknown' | 'ambiguous' {
    const byCode = this.byCode.get(cell);
    if (byCode) return byCode.level === 5 ? byCode : 'unknown';
    const named = this.byName.get(`5//${cell}`) ?? [];
    return named.length === 1 ? named[0] : named.length ? 'ambiguous' : 'unknown';
  }
  grid(village: string, cell: string): repo.Place | null {
    const byCode = this.byCode.get(cell);
    if (byCode) return byCode.level === 6 && byCode.code.startsWith(village) ? byCode : null;
    const named = this.byName.get(`6/${village}/${cell}`) ?? [];
    return named.length === 1 ? named[0] : null;
  }
  gridsOf(village: string): repo.Place[] {
    return this.grids.get(village) ?? [];
  }
}

interface Counts {
  created: number;
  updated: number;
  residentsAdded: number;
}

function handlers(deps: Deps, actor: UserActor, scopes: string[], tx: Queryable, counts: Counts) {
  const now = deps.clock.now();
  const today = cstDate(now);
  const crypto = deps.crypto;
  const resolved = new Map<number, Resolved>();
  const firstRowOfId = new Map<string, number>();
  const settings = new Map<string, CareSettings>();
  let places: Places | undefined;
  let workers: repo.GridWorker[] | undefined;
  const settingsOf = async (code: string) => {
    const county = code.slice(0, 6);
    if (!settings.has(county)) settings.set(county, await settingsFor(tx, code));
    return settings.get(county)!;
  };

  const placeOf = async (r: CareImportRow, row: number, resident: repo.KnownResident | null) => {
    places ??= new Places(await repo.placesUnder(tx, scopes));
    const village = places.village(r.village.trim());
    if (village === 'ambiguous')
      return placeError(
        row,
        'village',
        `村（社区）名称重名，请填写代码：${r.village}`,
        `Several villages bear this name; give the code: ${r.village}`,
      );
    if (village === 'unknown')
      return placeError(
        row,
        'village',
        `不是您管辖范围内的村（社区）：${r.village}`,
        `Not a village or community in your area: ${r.village}`,
      );
    let grid: repo.Place | null = null;
    if (r.grid?.trim()) {
      grid = places.grid(village.code, r.grid.trim());
      if (!grid)
        return placeError(
          row,
          'grid',
          `该村（社区）没有这个网格：${r.grid}`,
          `The village has no such grid: ${r.grid}`,
        );
    }
    if (resident) {
      if (!resident.gridCode.startsWith(grid?.code ?? village.code))
        return placeError(
          row,
          grid ? 'grid' : 'village',
          '居民台账中此人住在别的村（社区）或网格',
          'The resident register places this person in another village or grid',
        );
      return resident.gridCode;
    }
    if (grid) return grid.code;
    const grids = places.gridsOf(village.code);
    if (grids.length === 1) return grids[0].code;
    return placeError(
      row,
      'grid',
      '该村（社区）有多个网格，请填写网格',
      'The village has several grids; give the grid',
    );
  };

  const workerOf = async (r: CareImportRow, row: number, gridCode: string, current: string | null) => {
    workers ??= await repo.gridWorkers(tx, scopes);
    const covering = workers.filter((w) => gridCode.startsWith(w.scopeCode));
    if (r.workerPhone) {
      const index = crypto.blindIndex('phone', r.workerPhone);
      const w = covering.find((x) => x.phoneIndex === index);
      return (
        w?.userId ??
        placeError(row, 'workerPhone', '此手机号不是该网格的网格员', 'This phone is not a grid worker’s of the grid')
      );
    }
    if (current && covering.some((w) => w.userId === current)) return current;
    return (
      covering[0]?.userId ??
      placeError(row, 'grid', '该网格还没有网格员，请先指派', 'The grid has no grid worker yet; assign one first')
    );
  };

  const check = async (r: CareImportRow, row: number): Promise<RowError[]> => {
    const out: RowError[] = [];
    const first = firstRowOfId.get(r.idNumber);
    if (first !== undefined)
      return [
        rowError(row, 'idNumber', `与第 ${first} 行的身份证号重复`, `The same ID number as row ${first}`, 'duplicate'),
      ];
    firstRowOfId.set(r.idNumber, row);
    if (!r.consent)
      out.push(
        rowError(row, 'consent', '未经本人或监护人同意不得登记', 'Nobody is registered without consent', 'consent'),
      );
    if (r.consentOn > today)
      out.push(
        rowError(
          row,
          'consentOn',
          `同意日期晚于今天（${today}）`,
          `The consent date is after today (${today})`,
          'consent_date',
        ),
      );
    const idIndex = crypto.blindIndex('id', r.idNumber);
    const resident = (await repo.residentsByIndex(tx, [idIndex])).get(idIndex) ?? null;
    if (resident && resident.name !== r.name.trim())
      out.push(
        rowError(
          row,
          'name',
          '姓名与居民台账中该身份证号的登记不一致',
          'The name differs from the resident register’s for this ID number',
          'name_mismatch',
        ),
      );
    if (!resident && !r.address?.trim())
      out.push(
        rowError(
          row,
          'address',
          '居民台账中没有此人，须填写住址',
          'The resident register does not hold this person: give the address',
          'address_required',
        ),
      );
    const place = await placeOf(r, row, resident);
    if (typeof place !== 'string') return [...out, ...place];
    const s = await settingsOf(place);
    const categories: string[] = [];
    for (const label of categoryLabelsOf(r.categories)) {
      const c = s.categories.find(
        (x) => x.zh === label || x.en.toLowerCase() === label.toLowerCase() || x.key === label,
      );
      if (c) categories.push(c.key);
      else
        out.push(
          rowError(
            row,
            'categories',
            `不在本县（市）的类别清单中：${label}`,
            `Not in the county’s list of groups: ${label}`,
            'category',
          ),
        );
    }
    if (!categories.length && !out.some((e) => e.code === 'category'))
      out.push(
        rowError(row, 'categories', '至少填写一个困难类别', 'Give at least one group of difficulty', 'category'),
      );
    const worker = await workerOf(r, row, place, resident?.workerId ?? null);
    if (typeof worker !== 'string') out.push(...worker);
    if (out.length === 0)
      resolved.set(row, {
        idIndex,
        gridCode: place,
        resident,
        categories: [...new Set(categories)],
        workerId: worker as string,
      });
    return out;
  };

  const nextHousehold = new Map<string, number>();
  const householdFor = async (gridCode: string) => {
    const n = (nextHousehold.get(gridCode) ?? (await repo.lastLooseHousehold(tx, gridCode))) + 1;
    nextHousehold.set(gridCode, n);
    return `${gridCode}000${String(n).padStart(4, '0')}`;
  };

  const touched = new Set<string>();
  const write = async (rows: ValidatedRow<CareImportRow>[]) => {
    const c = { tx, crypto };
    const households = [];
    const residents = [];
    for (const { rowNumber, values: r } of rows) {
      const x = resolved.get(rowNumber)!;
      const phone = r.phone ?? null;
      if (!x.resident) {
        const code = await householdFor(x.gridCode);
        households.push({ code, address: r.address!.trim(), point: null });
        residents.push({
          householdCode: code,
          name: r.name.trim(),
          idNumber: r.idNumber,
          phone,
          relation: 'householder' as const,
        });
      } else if (phone && crypto.blindIndex('phone', phone) !== x.resident.phoneIndex) {
        const relation = x.resident.relation as 'householder';
        residents.push({
          householdCode: x.resident.householdCode,
          name: x.resident.name,
          idNumber: r.idNumber,
          phone,
          relation,
        });
      }
    }
    for (const g of await writeHouseholds(c, households)) touched.add(g);
    for (const g of await writeResidents(c, residents)) touched.add(g);
    counts.residentsAdded += households.length;
    const ids = await repo.residentsByIndex(
      tx,
      rows.map((r) => resolved.get(r.rowNumber)!.idIndex),
    );
    const persons = await repo.personsOfResidents(
      tx,
      [...ids.values()].map((r) => r.id),
    );
    const fresh: repo.ImportedPerson[] = [];
    const changed: (repo.ImportedPerson & { id: string })[] = [];
    const dues: repo.NewDue[] = [];
    const supersede: string[] = [];
    const due = async (personId: string, p: repo.ImportedPerson, reason: 'registered' | 'tier_changed') =>
      dues.push({
        personId,
        gridCode: p.gridCode,
        workerId: p.workerId,
        tier: p.tier,
        reason,
        dueAt: nextDueAt(p.tier, reason, now, (await settingsOf(p.gridCode)).schedule),
      });
    for (const { rowNumber, values: r } of rows) {
      const x = resolved.get(rowNumber)!;
      const p: repo.ImportedPerson = {
        residentId: ids.get(x.idIndex)!.id,
        gridCode: x.gridCode,
        categories: x.categories,
        tier: r.tier,
        workerId: x.workerId,
        consentBy: r.consentBy ?? 'self',
        consentOn: r.consentOn,
        note: r.note?.trim() || null,
      };
      const existing = persons.get(p.residentId);
      if (!existing) {
        fresh.push(p);
        continue;
      }
      changed.push({ ...p, id: existing.id });
      // as an edit does: a tier change rolls the open obligation; a record without one (archived) starts again
      if (existing.archived || !existing.hasOpenDue) await due(existing.id, p, 'registered');
      else if (existing.tier !== p.tier) {
        supersede.push(existing.id);
        await due(existing.id, p, 'tier_changed');
      }
    }
    await repo.refreshPersons(tx, changed);
    await repo.supersedeOpenDues(tx, supersede, now);
    const made = await repo.insertPersons(tx, fresh, actor.userId, now);
    for (const p of fresh) await due(made.get(p.residentId)!, p, 'registered');
    await repo.openDues(tx, dues, now);
    counts.created += fresh.length;
    counts.updated += changed.length;
  };
  const finish = () => refreshCoverage(tx, touched);
  return { check, write, finish };
}

/** Imports the register's template file as `actor` (403 for anyone who does not manage a register). */
export async function importCareRegister(
  deps: Deps,
  actor: UserActor,
  file: Buffer,
  format: SheetFormat,
  mode: SheetImportMode,
) {
  const scopes = registerScopes(actor);
  if (!scopes.length) throw new AppError('forbidden');
  const counts: Counts = { created: 0, updated: 0, residentsAdded: 0 };
  return importSheet(deps.db, actor, {
    spec: CARE_IMPORT_SHEET,
    file,
    format,
    mode,
    prepare: (tx) => handlers(deps, actor, scopes, tx, counts),
    audit: (_tx, n) => ({
      action: 'care.person_import',
      entityType: 'care_person',
      scopeCode: scopes.length === 1 ? scopes[0] : null,
      after: { format, ...n, ...counts },
    }),
  });
}

/** The import template (xlsx): Chinese headers, the instructions sheet with each column's English label. */
export const careImportTemplate = (out: Writable) => writeTemplate(CARE_IMPORT_SHEET, out, 'zh', { oneLanguage: true });
