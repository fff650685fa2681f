/**
 * The service-activities import (服务活动台账导入): the staff who organise activities import them from
 * the template, each row checked as a published activity is (a place they organise in, a partner unit
 * or party organisation that exists, a time span within one day, a capacity not below those already
 * enrolled); a dry run lists every bad row; an import writes every row or none with one audit row.
 */
import { randomInt } from 'node:crypto';
import type { Writable } from 'node:stream';
import type { UserActor } from '../../platform/actor';
import type { Queryable } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { importSheet, rowError, type SheetFormat, type SheetImportMode } from '../../platform/sheet-import';
import { type RowError, type ValidatedRow, writeTemplate } from '../../platform/sheets';
import * as repo from './activities-import.repo';
import { ACTIVITY_IMPORT_SHEET, type ActivityImportRow } from './activities-import.sheets';
import { partyOrgExists } from './people.repo';
import { organisesAt, staffScopes } from './services.policy';
import { unitIdsByCode } from './units.repo';

const cst = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);

interface Resolved {
  activity: repo.ImportedActivity;
  existingId: string | null;
}

function handlers(deps: Deps, actor: UserActor, tx: Queryable, counts: { created: number; updated: number }) {
  const county = deps.config.countyCode;
  const places = new Map<string, boolean>();
  const units = new Map<string, string | null>();
  const orgs = new Map<string, boolean>();
  const refs = new Map<string, number>();
  const resolved = new Map<number, Resolved>();

  const placeKnown = async (code: string) => {
    if (!places.has(code)) places.set(code, (await repo.knownPlaces(tx, [code])).has(code));
    return places.get(code)!;
  };

  const check = async (r: ActivityImportRow, row: number): Promise<RowError[]> => {
    const out: RowError[] = [];
    const code = r.divisionCode;
    if (!code.startsWith(county) || !(await placeKnown(code)))
      out.push(
        rowError(
          row,
          'divisionCode',
          `本县（市）没有这个区划或网格：${code}`,
          `No such place in the county: ${code}`,
          'place',
        ),
      );
    else if (!organisesAt(actor, code))
      out.push(
        rowError(
          row,
          'divisionCode',
          `您不能在此处组织活动：${code}`,
          `You do not organise activities here: ${code}`,
          'out_of_scope',
        ),
      );
    let unitId: string | null = null;
    let partyOrgCode: string | null = null;
    const organiser = r.organiser?.trim() ?? '';
    if (r.organiserKind === 'unit') {
      if (!units.has(organiser))
        units.set(organiser, (await unitIdsByCode(tx, [organiser])).get(organiser)?.id ?? null);
      unitId = units.get(organiser) ?? null;
      if (!unitId)
        out.push(
          rowError(
            row,
            'organiser',
            `没有这个共建单位编号：${organiser || '（空）'}`,
            `No partner unit with this code: ${organiser || '(empty)'}`,
            'unknown_unit',
          ),
        );
    } else if (r.organiserKind === 'branch') {
      if (!orgs.has(organiser)) orgs.set(organiser, await partyOrgExists(tx, organiser));
      partyOrgCode = organiser;
      if (!orgs.get(organiser))
        out.push(
          rowError(
            row,
            'organiser',
            `没有这个党组织代码：${organiser || '（空）'}`,
            `No party organisation with this code: ${organiser || '(empty)'}`,
            'unknown_branch',
          ),
        );
    }
    const startsAt = cst(r.day, r.startsAt);
    const endsAt = cst(r.day, r.endsAt);
    if (!(endsAt > startsAt))
      out.push(
        rowError(
          row,
          'endsAt',
          `结束时间 ${r.endsAt} 须晚于开始时间 ${r.startsAt}`,
          `The end ${r.endsAt} must be after the start ${r.startsAt}`,
          'time_order',
        ),
      );
    if (r.lng < 73 || r.lng > 136 || r.lat < 3 || r.lat > 54)
      out.push(
        rowError(
          row,
          'lng',
          `经纬度不在中国境内：${r.lng}, ${r.lat}`,
          `The position is not in China: ${r.lng}, ${r.lat}`,
          'position',
        ),
      );
    const radiusM = r.radiusM ?? 300;
    if (radiusM < 20 || radiusM > 5000)
      out.push(
        rowError(
          row,
          'radiusM',
          `签到范围应为 20–5000 米：${radiusM}`,
          `The check-in radius is 20–5000 m: ${radiusM}`,
          'radius',
        ),
      );
    if (r.capacity < 1 || r.capacity > 10_000)
      out.push(
        rowError(
          row,
          'capacity',
          `人数上限应为 1–10000：${r.capacity}`,
          `The capacity is 1–10000: ${r.capacity}`,
          'capacity',
        ),
      );
    const ref = r.ref?.trim() || null;
    let existingId: string | null = null;
    if (ref) {
      const key = `${code}/${ref}`;
      const first = refs.get(key);
      if (first !== undefined)
        out.push(
          rowError(
            row,
            'ref',
            `与第 ${first} 行的活动编号重复：${ref}`,
            `The same activity number as row ${first}: ${ref}`,
            'duplicate',
          ),
        );
      else refs.set(key, row);
      const existing = await repo.activityByRef(tx, code, ref);
      if (existing && existing.enrolled > r.capacity)
        out.push(
          rowError(
            row,
            'capacity',
            `已有 ${existing.enrolled} 人报名，人数上限不能更少`,
            `${existing.enrolled} have already signed up: the capacity cannot be lower`,
            'capacity_below_enrolled',
          ),
        );
      existingId = existing?.id ?? null;
    }
    if (out.length === 0)
      resolved.set(row, {
        existingId,
        activity: {
          title: r.title.trim(),
          kind: r.kind,
          description: r.description?.trim() ?? '',
          divisionCode: code,
          organiserKind: r.organiserKind,
          unitId,
          partyOrgCode,
          place: r.place.trim(),
          lng: r.lng,
          lat: r.lat,
          radiusM,
          startsAt,
          endsAt,
          capacity: r.capacity,
          audience: r.audience,
          checkinCode: String(randomInt(0, 1_000_000)).padStart(6, '0'),
          createdBy: actor.userId,
          importRef: ref,
        },
      });
    return out;
  };

  const write = async (rows: ValidatedRow<ActivityImportRow>[]) => {
    const fresh: repo.ImportedActivity[] = [];
    for (const { rowNumber } of rows) {
      const x = resolved.get(rowNumber)!;
      if (x.existingId) {
        await repo.updateActivity(tx, x.existingId, x.activity);
        counts.updated++;
      } else fresh.push(x.activity);
    }
    await repo.insertActivities(tx, fresh, deps.clock.now());
    counts.created += fresh.length;
  };
  return { check, write };
}

/** Imports activities from the template as `actor` (403 for anyone who organises nowhere). */
export async function importActivities(
  deps: Deps,
  actor: UserActor,
  file: Buffer,
  format: SheetFormat,
  mode: SheetImportMode,
) {
  const scopes = staffScopes(actor);
  if (!scopes.length) throw new AppError('forbidden');
  const counts = { created: 0, updated: 0 };
  return importSheet(deps.db, actor, {
    spec: ACTIVITY_IMPORT_SHEET,
    file,
    format,
    mode,
    prepare: (tx) => handlers(deps, actor, tx, counts),
    audit: (_tx, n) => ({
      action: 'services.activity_import',
      entityType: 'service_activity',
      scopeCode: scopes.length === 1 ? scopes[0] : null,
      after: { format, ...n, ...counts },
    }),
  });
}

export const activityImportTemplate = (out: Writable) =>
  writeTemplate(ACTIVITY_IMPORT_SHEET, out, 'zh', { oneLanguage: true });
