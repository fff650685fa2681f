/**
 * Stations (红色蜂巢, 党员学习微站, service points): management with agreements and medicine stock,
 * the public "nearest station open now" look-up (stations cached in memory per database, refreshed on
 * every local write and every few seconds), and check-ins counted by station and day.
 */
import { randomBytes } from 'node:crypto';
import type { Actor, UserActor } from '../../platform/actor';
import { audit } from '../../platform/audit/audit';
import type { Database } from '../../platform/db/db';
import type { Deps } from '../../platform/deps';
import { narrowScopes } from '../../platform/drill';
import { AppError } from '../../platform/errors';
import { countyOutline, countyPlaces, gcj02ToWgs84, pointInCounty, wgs84ToGcj02 } from '../../platform/geo';
import { decodeCursor, DEFAULT_PAGE_LIMIT, type Page, type PageRequest, pageOf } from '../../platform/page';
import { findDivision } from '../divisions';
import {
  agreementState,
  cstDay,
  cstWeekMinute,
  formatWeeklyHours,
  isLowStock,
  isOpenAt,
  navigationLinks,
  nearestWhere,
  nextOpening,
  parseWeeklyHours,
  type WeeklyHours,
} from './beehive.domain';
import { WEEKDAY_LABELS } from './beehive.labels';
import { managesStationAt, readsStationsAt, stationScopes } from './beehive.policy';
import type * as S from './beehive.schema';
import * as repo from './stations.repo';

// ---- input checks shared by stations and facilities ----

/** A point in WGS-84 inside the county, from either datum; else beehive_outside_county. */
export function pointInside(deps: Deps, lng: number, lat: number, coordSystem?: 'wgs84' | 'gcj02'): [number, number] {
  const p = coordSystem === 'gcj02' ? gcj02ToWgs84([lng, lat]) : ([lng, lat] as [number, number]);
  const outline = countyOutline(deps.config.countyCode);
  if (outline && !pointInCounty(outline, p)) throw new AppError('beehive_outside_county', { lng, lat });
  if (!outline && (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90))
    throw new AppError('beehive_outside_county', { lng, lat });
  return p;
}

function hoursOf(days: readonly (readonly string[])[]): WeeklyHours {
  const r = parseWeeklyHours(days);
  if (r.ok) return r.hours;
  const day = WEEKDAY_LABELS[r.day] ?? { zh: `第${r.day + 1}天`, en: `day ${r.day + 1}` };
  throw new AppError('beehive_hours_invalid', { dayZh: day.zh, dayEn: day.en, text: r.text, reason: r.reason });
}

async function checkDivision(deps: Deps, code: string): Promise<void> {
  const d = code.startsWith(deps.config.countyCode) ? await findDivision(deps.db, code) : null;
  if (!d) throw new AppError('beehive_division_invalid', { code });
}

async function stationWrite(deps: Deps, body: S.StationBody): Promise<repo.StationWrite> {
  const [lng, lat] = pointInside(deps, body.lng, body.lat, body.coordSystem);
  await checkDivision(deps, body.divisionCode);
  return {
    kind: body.kind,
    name: body.name.trim(),
    divisionCode: body.divisionCode,
    address: body.address?.trim() ?? '',
    lng,
    lat,
    hours: hoursOf(body.hours),
    services: [...body.services],
    responsibleOrg: body.responsibleOrg?.trim() ?? '',
    partyOrgCode: body.partyOrgCode ?? null,
  };
}

// ---- the in-memory station list for the public look-up ----

const CACHE_MS = 5_000;
interface StationCache {
  at: number;
  current: Promise<repo.StationRow[]>;
  refreshing: boolean;
}
const caches = new WeakMap<Database, StationCache>();

/**
 * The county's stations from memory. A stale list (older than CACHE_MS: another process may have
 * written) is still answered while one refresh runs in the background, so no rider waits for it;
 * this process's own writes drop the list at once (`forgetStations`).
 */
function cachedStations(deps: Deps): Promise<repo.StationRow[]> {
  const now = Date.now();
  const hit = caches.get(deps.db);
  if (!hit) {
    const entry: StationCache = { at: now, current: repo.allStations(deps.db), refreshing: false };
    caches.set(deps.db, entry);
    entry.current.catch(() => caches.delete(deps.db));
    return entry.current;
  }
  if (now - hit.at >= CACHE_MS && !hit.refreshing) {
    hit.refreshing = true;
    repo
      .allStations(deps.db)
      .then((rows) => {
        if (caches.get(deps.db) === hit) Object.assign(hit, { at: Date.now(), current: Promise.resolve(rows) });
      })
      .catch(() => {})
      .finally(() => {
        hit.refreshing = false;
      });
  }
  return hit.current;
}
const forgetStations = (deps: Deps) => caches.delete(deps.db);

// ---- views ----

async function views(deps: Deps, rows: repo.StationRow[]): Promise<S.Station[]> {
  const ids = rows.map((r) => r.id);
  const [agreements, medicines] = await Promise.all([repo.agreementsOf(deps.db, ids), repo.medicinesOf(deps.db, ids)]);
  const now = deps.clock.now();
  return rows.map((r) => {
    const meds = medicines
      .filter((m) => m.stationId === r.id)
      .map((m) => ({
        name: m.name,
        unit: m.unit,
        quantity: m.quantity,
        lowAt: m.lowAt,
        low: isLowStock(m.quantity, m.lowAt),
      }));
    const latest = agreements.find((a) => a.stationId === r.id);
    return {
      id: r.id,
      kind: r.kind,
      name: r.name,
      divisionCode: r.divisionCode,
      address: r.address,
      lng: r.lng,
      lat: r.lat,
      hours: formatWeeklyHours(r.hours),
      openNow: isOpenAt(r.hours, now),
      services: r.services,
      responsibleOrg: r.responsibleOrg,
      partyOrgCode: r.partyOrgCode,
      checkinCode: r.checkinCode,
      agreement: latest ? agreementView(latest, now) : null,
      medicines: meds,
      lowStock: meds.filter((m) => m.low).length,
    };
  });
}

const agreementView = (a: repo.AgreementRow, now: Date) => ({
  id: a.id,
  parties: a.parties,
  terms: a.terms,
  validFrom: a.validFrom,
  validTo: a.validTo,
  state: agreementState(a.validFrom, a.validTo, now),
});

async function readableStation(deps: Deps, actor: Actor, id: string, manage: boolean): Promise<repo.StationRow> {
  const s = await repo.findStation(deps.db, id);
  const allowed = s && (manage ? managesStationAt(actor, s.divisionCode) : readsStationsAt(actor, s.divisionCode));
  if (!s || !allowed) {
    if (s && readsStationsAt(actor, s.divisionCode)) throw new AppError('forbidden');
    throw new AppError('not_found', { what: 'station' });
  }
  return s;
}

// ---- use cases ----

export async function createStation(deps: Deps, actor: UserActor, body: S.StationBody): Promise<S.Station> {
  const write = await stationWrite(deps, body);
  if (!managesStationAt(actor, body.divisionCode)) throw new AppError('forbidden');
  const row = await deps.db.transaction(async (tx) => {
    const s = await repo.insertStation(tx, { ...write, checkinCode: newCheckinCode() }, deps.clock.now());
    await audit(tx, actor, {
      action: 'beehive.station_create',
      entityType: 'station',
      entityId: s.id,
      scopeCode: s.divisionCode,
      after: write,
    });
    return s;
  });
  forgetStations(deps);
  return (await views(deps, [row]))[0];
}

export async function changeStation(deps: Deps, actor: UserActor, id: string, body: S.StationBody): Promise<S.Station> {
  const before = await readableStation(deps, actor, id, true);
  if (!managesStationAt(actor, body.divisionCode)) throw new AppError('forbidden');
  const write = await stationWrite(deps, body);
  const row = await deps.db.transaction(async (tx) => {
    const s = await repo.updateStation(tx, id, write, deps.clock.now());
    if (!s) throw new AppError('not_found', { what: 'station' });
    await audit(tx, actor, {
      action: 'beehive.station_update',
      entityType: 'station',
      entityId: id,
      scopeCode: s.divisionCode,
      before,
      after: write,
    });
    return s;
  });
  forgetStations(deps);
  return (await views(deps, [row]))[0];
}

export async function listStations(
  deps: Deps,
  actor: UserActor,
  q: PageRequest & { scope?: string },
): Promise<Page<S.Station>> {
  const own = stationScopes(actor);
  if (own.length === 0) throw new AppError('forbidden');
  const scopes = narrowScopes(own, q.scope);
  const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
  const after = q.cursor ? (decodeCursor(q.cursor, ['string', 'string']) as [string, string]) : null;
  const page = pageOf(await repo.listStations(deps.db, scopes, after, limit), limit, (r) => [r.name, r.id]);
  return { ...page, items: await views(deps, page.items) };
}

export async function stationDetail(deps: Deps, actor: UserActor, id: string): Promise<S.StationDetail> {
  const s = await readableStation(deps, actor, id, false);
  const now = deps.clock.now();
  const today = cstDay(now);
  const from = cstDay(new Date(now.getTime() - 29 * 86_400_000));
  const [station] = await views(deps, [s]);
  const agreements = (await repo.agreementsOf(deps.db, [id])).map((a) => agreementView(a, now));
  const checkins = (await repo.checkinCounts(deps.db, [id], from, today)).map(({ day, count }) => ({ day, count }));
  return { station, agreements, checkins };
}

export async function addAgreement(
  deps: Deps,
  actor: UserActor,
  id: string,
  body: S.AgreementBody,
): Promise<S.StationDetail> {
  await readableStation(deps, actor, id, true);
  if (!validDay(body.validFrom) || !validDay(body.validTo))
    throw new AppError('validation_failed', { summary: 'validFrom/validTo: not a calendar date' });
  if (body.validTo < body.validFrom)
    throw new AppError('beehive_agreement_dates', { validFrom: body.validFrom, validTo: body.validTo });
  await deps.db.transaction(async (tx) => {
    const a = await repo.insertAgreement(
      tx,
      {
        stationId: id,
        parties: body.parties.map((p) => p.trim()),
        terms: body.terms,
        validFrom: body.validFrom,
        validTo: body.validTo,
      },
      deps.clock.now(),
    );
    await audit(tx, actor, { action: 'beehive.agreement_create', entityType: 'station', entityId: id, after: a });
  });
  return stationDetail(deps, actor, id);
}

const validDay = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
};

export async function setMedicine(deps: Deps, actor: UserActor, id: string, body: S.MedicineBody): Promise<S.Station> {
  const s = await readableStation(deps, actor, id, true);
  await deps.db.transaction(async (tx) => {
    const m = await repo.upsertMedicine(
      tx,
      {
        stationId: id,
        name: body.name.trim(),
        unit: body.unit?.trim() ?? '',
        quantity: body.quantity,
        lowAt: body.lowAt,
      },
      deps.clock.now(),
    );
    await audit(tx, actor, {
      action: 'beehive.medicine_set',
      entityType: 'station',
      entityId: id,
      scopeCode: s.divisionCode,
      after: m,
    });
  });
  return (await views(deps, [s]))[0];
}

/** Agreements whose renewal is due or which have ended, and stations with none (the renewal reminder list). */
export async function dueAgreements(deps: Deps, actor: UserActor) {
  const scopes = stationScopes(actor);
  if (scopes.length === 0) throw new AppError('forbidden');
  const stations = (await repo.allStations(deps.db)).filter((s) => scopes.some((p) => s.divisionCode.startsWith(p)));
  const agreements = await repo.agreementsOf(
    deps.db,
    stations.map((s) => s.id),
  );
  const now = deps.clock.now();
  const items = stations.flatMap((s) => {
    const latest = agreements.find((a) => a.stationId === s.id);
    const view = latest ? agreementView(latest, now) : null;
    return !view || view.state === 'renewal_due' || view.state === 'expired'
      ? [{ stationId: s.id, stationName: s.name, agreement: view }]
      : [];
  });
  return { items };
}

// ---- public ----

export async function nearestOpenStations(
  deps: Deps,
  q: S.NearestQuery,
): Promise<{ at: Date; items: S.NearStation[] }> {
  const [lng, lat] = q.coordSystem === 'gcj02' ? gcj02ToWgs84([q.lng, q.lat]) : [q.lng, q.lat];
  const now = deps.clock.now();
  const { day } = cstWeekMinute(now);
  const keep = q.open === 'any' ? undefined : (s: repo.StationRow) => isOpenAt(s.hours, now);
  const found = nearestWhere(await cachedStations(deps), lng, lat, q.limit ?? 3, keep);
  return {
    at: now,
    items: found.map(({ station: s, metres }) => {
      const [gcjLng, gcjLat] = wgs84ToGcj02([s.lng, s.lat]);
      const opensAt = nextOpening(s.hours, now);
      return {
        id: s.id,
        kind: s.kind,
        name: s.name,
        address: s.address,
        lng: s.lng,
        lat: s.lat,
        gcjLng,
        gcjLat,
        metres,
        services: s.services,
        hoursToday: formatWeeklyHours(s.hours)[day],
        openNow: opensAt === now,
        opensAt,
        navigation: navigationLinks(gcjLng, gcjLat, s.name),
      };
    }),
  };
}

/**
 * One station as anyone may see it (the rider's detail page): hours with open-now and the next
 * opening, services, whether emergency medicine is there (never the quantities), the responsible
 * organisation and the latest agreement's parties; no check-in code or counts. Unknown: 404.
 */
export async function publicStation(deps: Deps, id: string): Promise<{ at: Date; station: S.PublicStation }> {
  const s = (await cachedStations(deps)).find((x) => x.id === id) ?? (await repo.findStation(deps.db, id));
  if (!s) throw new AppError('beehive_station_unknown', { id });
  const now = deps.clock.now();
  const [agreements, medicines, division] = await Promise.all([
    repo.agreementsOf(deps.db, [id]),
    repo.medicinesOf(deps.db, [id]),
    findDivision(deps.db, s.divisionCode),
  ]);
  const latest = agreements[0] ? agreementView(agreements[0], now) : null;
  const [gcjLng, gcjLat] = wgs84ToGcj02([s.lng, s.lat]);
  const opensAt = nextOpening(s.hours, now);
  return {
    at: now,
    station: {
      id: s.id,
      kind: s.kind,
      name: s.name,
      address: s.address,
      placeName: division?.name ?? '',
      lng: s.lng,
      lat: s.lat,
      gcjLng,
      gcjLat,
      hours: formatWeeklyHours(s.hours),
      openNow: opensAt === now,
      opensAt,
      services: s.services,
      responsibleOrg: s.responsibleOrg,
      // offered, and either no stock is kept here or some medicine is left
      emergencyMedicine:
        s.services.includes('emergency_medicine') && (medicines.length === 0 || medicines.some((m) => m.quantity > 0)),
      agreement: latest && {
        parties: latest.parties,
        validFrom: latest.validFrom,
        validTo: latest.validTo,
        state: latest.state,
      },
      navigation: navigationLinks(gcjLng, gcjLat, s.name),
    },
  };
}

/** The county seat and the town seats (shipped with the product): a rider without a position fix picks one. */
export function towns(deps: Deps): S.Towns {
  const items = countyPlaces(deps.config.countyCode)
    .filter((p) => p.kind === 'county_seat' || p.kind === 'town_seat')
    .map((p) => ({ code: p.code, name: p.name, lng: p.point[0], lat: p.point[1] }));
  return { items };
}

/** A check-in by the station's code (its QR): counted by station and CST day; refused when the station is closed. */
export async function checkIn(deps: Deps, actor: UserActor, code: string) {
  const s = await repo.findStationByCode(deps.db, code.trim().toUpperCase());
  if (!s) throw new AppError('beehive_checkin_code_unknown', { code });
  const now = deps.clock.now();
  if (!isOpenAt(s.hours, now)) throw new AppError('beehive_station_closed', { name: s.name });
  const day = cstDay(now);
  const countToday = await repo.countCheckin(deps.db, s.id, day);
  void actor; // who checked in is not recorded: counts only
  return { stationId: s.id, stationName: s.name, day, countToday };
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function newCheckinCode(): string {
  return [...randomBytes(8)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
}

/** Every station's point (WGS-84): the service circle counts them as facilities. */
export async function stationPoints(deps: Deps): Promise<{ id: string; name: string; lng: number; lat: number }[]> {
  return (await cachedStations(deps)).map(({ id, name, lng, lat }) => ({ id, name, lng, lat }));
}
