/**
 * Keeping the service circle (county officers): facility kinds, facilities (one by one or from an
 * xlsx 台账 with coordinates), the road network (GeoJSON lines) and the detour factor. Every write is
 * checked whole before anything is written (one transaction), audited, then the kept coverage updated.
 */
import type { UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { bboxOf, countyOutline } from '../../platform/geo';
import { loadExcel } from '../../platform/sheets';
import { DEFAULT_DETOUR_FACTOR } from './circle.domain';
import { parseRoadFile } from './circle.roads';
import { circleScopes, keepsCircle } from './circle.policy';
import * as repo from './circle.repo';
import type * as S from './circle.schema';
import { countyPoint, facilitiesChanged, forgetCircle, kindsChanged } from './coverage.service';

function requireKeeper(deps: Deps, actor: UserActor) {
  if (!keepsCircle(actor, deps.config.countyCode)) throw new AppError('forbidden');
}
export function requireReader(actor: UserActor): string[] {
  const scopes = circleScopes(actor);
  if (scopes.length === 0) throw new AppError('forbidden');
  return scopes;
}

export async function kinds(deps: Deps, actor: UserActor) {
  requireReader(actor);
  return { items: await repo.listKinds(deps.db) };
}

export async function saveKind(deps: Deps, actor: UserActor, key: string, body: S.KindBody) {
  requireKeeper(deps, actor);
  await deps.db.transaction(async (tx) => {
    await repo.upsertKind(tx, { key, ...body, source: body.source ?? '' });
    await audit(tx, actor, { action: 'circle.kind_update', entityType: 'circle_kind', entityId: key, after: body });
  });
  await kindsChanged(deps);
  return { items: await repo.listKinds(deps.db) };
}

async function checkKind(deps: Deps, kindKey: string) {
  if (!(await repo.listKinds(deps.db)).some((k) => k.key === kindKey))
    throw new AppError('circle_kind_unknown', { kind: kindKey });
}

export async function facilities(deps: Deps, actor: UserActor) {
  requireReader(actor);
  return { items: await repo.listFacilities(deps.db) };
}

export async function addFacility(deps: Deps, actor: UserActor, body: S.FacilityBody) {
  requireKeeper(deps, actor);
  await checkKind(deps, body.kindKey);
  const [lng, lat] = countyPoint(deps, body.lng, body.lat, body.coordSystem);
  const [f] = await deps.db.transaction(async (tx) => {
    const rows = await repo.insertFacilities(
      tx,
      [{ kindKey: body.kindKey, name: body.name.trim(), lng, lat }],
      deps.clock.now(),
    );
    await audit(tx, actor, {
      action: 'circle.facility_create',
      entityType: 'circle_facility',
      entityId: rows[0].id,
      after: rows[0],
    });
    return rows;
  });
  await facilitiesChanged(deps, [f.kindKey]);
  return f;
}

export async function moveFacility(deps: Deps, actor: UserActor, id: string, body: S.FacilityBody) {
  requireKeeper(deps, actor);
  const before = await repo.findFacility(deps.db, id);
  if (!before) throw new AppError('not_found', { what: 'facility' });
  await checkKind(deps, body.kindKey);
  const [lng, lat] = countyPoint(deps, body.lng, body.lat, body.coordSystem);
  const f = await deps.db.transaction(async (tx) => {
    const row = await repo.updateFacility(tx, { id, kindKey: body.kindKey, name: body.name.trim(), lng, lat });
    if (!row) throw new AppError('not_found', { what: 'facility' });
    await audit(tx, actor, {
      action: 'circle.facility_update',
      entityType: 'circle_facility',
      entityId: id,
      before,
      after: row,
    });
    return row;
  });
  await facilitiesChanged(deps, [before.kindKey, f.kindKey]);
  return f;
}

export async function removeFacility(deps: Deps, actor: UserActor, id: string) {
  requireKeeper(deps, actor);
  const before = await repo.findFacility(deps.db, id);
  if (!before) throw new AppError('not_found', { what: 'facility' });
  await deps.db.transaction(async (tx) => {
    await repo.deleteFacility(tx, id);
    await audit(tx, actor, { action: 'circle.facility_delete', entityType: 'circle_facility', entityId: id, before });
  });
  await facilitiesChanged(deps, [before.kindKey]);
}

const HEADERS: Record<string, 'name' | 'kind' | 'lng' | 'lat' | 'datum'> = {
  名称: 'name',
  name: 'name',
  类型: 'kind',
  kind: 'kind',
  经度: 'lng',
  lng: 'lng',
  longitude: 'lng',
  纬度: 'lat',
  lat: 'lat',
  latitude: 'lat',
  坐标系: 'datum',
  datum: 'datum',
};

/**
 * Imports a facility 台账 (xlsx: 名称, 类型 (a kind key or its Chinese name), 经度, 纬度, optional 坐标系
 * wgs84/gcj02). Every bad row is reported; nothing is written unless every row is good.
 */
export async function importFacilities(deps: Deps, actor: UserActor, file: Buffer) {
  requireKeeper(deps, actor);
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new AppError('circle_import_invalid', { count: 1, errors: [{ row: 0, reason: 'not an xlsx file' }] });
  }
  const sheet = wb.worksheets[0];
  const kindRows = await repo.listKinds(deps.db);
  const kindBy = new Map(
    kindRows.flatMap(
      (k) =>
        [
          [k.key, k.key],
          [k.name, k.key],
        ] as [string, string][],
    ),
  );
  const columns = new Map<number, string>();
  sheet?.getRow(1).eachCell((cell, col) => {
    const h =
      HEADERS[
        String(cell.text ?? '')
          .trim()
          .toLowerCase()
      ] ?? HEADERS[String(cell.text ?? '').trim()];
    if (h) columns.set(col, h);
  });
  const missing = ['name', 'kind', 'lng', 'lat'].filter((h) => ![...columns.values()].includes(h));
  if (!sheet || missing.length > 0)
    throw new AppError('circle_import_invalid', {
      count: 1,
      errors: [{ row: 1, reason: `missing columns: ${missing.join(', ') || 'all'}` }],
    });
  const items: { kindKey: string; name: string; lng: number; lat: number }[] = [];
  const errors: { row: number; reason: string }[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const v: Record<string, string> = {};
    row.eachCell((cell, col) => {
      const h = columns.get(col);
      if (h) v[h] = String(cell.text ?? '').trim();
    });
    if (!v.name && !v.kind && !v.lng && !v.lat) return;
    const kindKey = kindBy.get(v.kind ?? '');
    const lng = Number(v.lng);
    const lat = Number(v.lat);
    const datum = (v.datum ?? '').toLowerCase();
    if (!v.name) errors.push({ row: n, reason: '名称 is empty' });
    else if (!kindKey) errors.push({ row: n, reason: `unknown kind "${v.kind ?? ''}"` });
    else if (!v.lng || !v.lat || !Number.isFinite(lng) || !Number.isFinite(lat))
      errors.push({ row: n, reason: 'longitude/latitude are not numbers' });
    else if (datum && datum !== 'wgs84' && datum !== 'gcj02')
      errors.push({ row: n, reason: `unknown datum "${v.datum}"` });
    else {
      try {
        const [x, y] = countyPoint(deps, lng, lat, datum === 'gcj02' ? 'gcj02' : 'wgs84');
        items.push({ kindKey, name: v.name.slice(0, 100), lng: x, lat: y });
      } catch {
        errors.push({ row: n, reason: `(${lng}, ${lat}) is outside the county` });
      }
    }
  });
  if (errors.length > 0)
    throw new AppError('circle_import_invalid', { count: errors.length, errors: errors.slice(0, 100) });
  const rows = await deps.db.transaction(async (tx) => {
    const written = await repo.insertFacilities(tx, items, deps.clock.now());
    await audit(tx, actor, {
      action: 'circle.facility_import',
      entityType: 'circle_facility',
      after: { rows: written.length },
    });
    return written;
  });
  await facilitiesChanged(
    deps,
    rows.map((r) => r.kindKey),
  );
  return { imported: rows.length };
}

export async function importRoads(deps: Deps, actor: UserActor, file: Buffer) {
  requireKeeper(deps, actor);
  const outline = countyOutline(deps.config.countyCode);
  const margin = 0.05; // about 5 km around the county's box
  const box = outline ? bboxOf(outline) : null;
  const inArea = ([x, y]: [number, number]) =>
    !box || (x >= box[0] - margin && x <= box[2] + margin && y >= box[1] - margin && y <= box[3] + margin);
  const parsed = parseRoadFile(file.toString('utf8'), inArea);
  if (parsed.total > 0) throw new AppError('circle_roads_invalid', { count: parsed.total, errors: parsed.errors });
  await deps.db.transaction(async (tx) => {
    await repo.replaceRoads(tx, deps.config.countyCode, parsed.lines, parsed.segments, deps.clock.now());
    await audit(tx, actor, {
      action: 'circle.roads_import',
      entityType: 'circle_roads',
      entityId: deps.config.countyCode,
      after: { lines: parsed.lines.length, segments: parsed.segments },
    });
  });
  forgetCircle(deps);
  return { lines: parsed.lines.length, segments: parsed.segments };
}

export async function settings(deps: Deps, actor: UserActor) {
  requireReader(actor);
  const [factor, roads] = await Promise.all([
    repo.detourFactor(deps.db, deps.config.countyCode),
    repo.roadsInfo(deps.db, deps.config.countyCode),
  ]);
  return {
    detourFactor: factor ?? DEFAULT_DETOUR_FACTOR,
    roads: roads ? { segments: roads.segments, importedAt: roads.importedAt } : null,
  };
}

export async function saveSettings(deps: Deps, actor: UserActor, detourFactor: number) {
  requireKeeper(deps, actor);
  await deps.db.transaction(async (tx) => {
    await repo.setDetourFactor(tx, deps.config.countyCode, detourFactor);
    await audit(tx, actor, {
      action: 'circle.settings_update',
      entityType: 'circle_settings',
      entityId: deps.config.countyCode,
      after: { detourFactor },
    });
  });
  forgetCircle(deps);
  return settings(deps, actor);
}

/** Drops the kept coverage so the next read rebuilds it (after register imports: new households, new points). */
export function recompute(deps: Deps, actor: UserActor) {
  requireKeeper(deps, actor);
  forgetCircle(deps);
}
