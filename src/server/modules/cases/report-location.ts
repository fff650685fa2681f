/**
 * 位置: a report is never placed silently. Its location is the phone's position (gps), a pick on the
 * map (map), the reporter's registered household (household: its point, its building's, or its
 * grid's; the case goes to that grid) or an Open311 client's coordinates (open311). The source is
 * stored with the case and shown to the dispatcher. No location → location_missing, saying what to do.
 */
import type { Actor } from '../../platform/actor';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { countyOutline } from '../../platform/geo/geo.county';
import { gcj02ToWgs84 } from '../../platform/geo/geo.datum';
import { pointInCounty } from '../../platform/geo/geo.point-index';
import { findDivision, findDivisions } from '../divisions';
import { canReadPeopleAt, gridIndex } from '../organisation';
import type { LocationSource } from './cases.repo';
import { householdPlace, householdsOfUser, nearestBuilding, type RegisteredPlace } from './report-location.repo';
import { type Location, locate } from './routing';

export interface LocationInput {
  lng?: number;
  lat?: number;
  coordSystem?: 'wgs84' | 'gcj02';
  /** gps or map with lng/lat (coordinates without a source count as a map pick); household without them */
  locationSource?: 'gps' | 'map' | 'household';
  /** which registered household (required for staff reporting on behalf; optional for a resident with one) */
  householdCode?: string;
}

export interface ResolvedLocation {
  lng: number;
  lat: number;
  source: LocationSource;
  where: Location;
  /** the household's address, used as the case's address when the reporter gave none */
  address: string | null;
}

export async function resolveLocation(
  deps: Deps,
  actor: Actor,
  input: LocationInput,
  open311: boolean,
): Promise<ResolvedLocation> {
  const countyCode = deps.config.countyCode;
  if (input.locationSource === 'household' && !open311) {
    const home = await registeredPlace(deps, actor, input.householdCode);
    const gridName = home.gridName;
    const where: Location = {
      gridCode: home.gridCode,
      divisionCode: home.gridCode.slice(0, 12),
      trace: {
        rule: 'household',
        zh: `按上报人登记的住户（${home.address}）归入网格「${gridName}」`,
        en: `Placed at the reporter's registered household (${home.address}), grid ${home.gridCode}`,
      },
    };
    return { lng: home.point![0], lat: home.point![1], source: 'household', where, address: home.address };
  }
  if (input.lng === undefined || input.lat === undefined || !Number.isFinite(input.lng) || !Number.isFinite(input.lat))
    throw new AppError('location_missing');
  const [lng, lat] = input.coordSystem === 'gcj02' ? gcj02ToWgs84([input.lng, input.lat]) : [input.lng, input.lat];
  const outline = countyOutline(countyCode);
  if (outline && !pointInCounty(outline, [lng, lat])) {
    const county = await findDivision(deps.db, countyCode);
    throw new AppError('outside_county', {
      county: county?.name ?? countyCode,
      lng: lng.toFixed(6),
      lat: lat.toFixed(6),
    });
  }
  const where = locate([lng, lat], await gridIndex(deps.db, countyCode), countyCode);
  return {
    lng,
    lat,
    source: open311 ? 'open311' : input.locationSource === 'gps' ? 'gps' : 'map',
    where,
    address: null,
  };
}

async function registeredPlace(deps: Deps, actor: Actor, householdCode: string | undefined): Promise<RegisteredPlace> {
  const refuse = (zh: string, en: string): never => {
    throw new AppError('location_household', { reason: zh, reasonEn: en });
  };
  if (actor.kind !== 'user') return refuse('未登录', 'not signed in');
  let home: RegisteredPlace | null | undefined;
  if (actor.userKind === 'staff') {
    // staff reporting on someone's behalf: a household of the registers they may read
    if (!householdCode) return refuse('请选择住户', 'choose the household');
    home = canReadPeopleAt(actor, householdCode) ? await householdPlace(deps.db, householdCode) : null;
    if (!home) return refuse(`没有找到住户 ${householdCode}`, `no household ${householdCode}`);
  } else {
    const mine = await householdsOfUser(deps.db, actor.userId);
    if (mine.length === 0)
      return refuse('您的手机号还没有登记在任何住户中', 'your phone number is not registered in any household');
    home = householdCode
      ? mine.find((h) => h.householdCode === householdCode)
      : mine.length === 1
        ? mine[0]
        : undefined;
    if (householdCode && !home)
      return refuse(`住户 ${householdCode} 不是您登记的住户`, `household ${householdCode} is not one of yours`);
    if (!home)
      return refuse('您登记在多个住户中，请选择其中一个', 'you are registered in several households: choose one');
  }
  if (!home.point)
    return refuse(`住户「${home.address}」还没有位置`, `household "${home.address}" has no location yet`);
  return home;
}

/** The names of the place at a point (town, village, grid, then 小区/楼栋 when at a building): where a report goes, where a station stands. */
export async function describePlace(deps: Deps, lng: number, lat: number, coordSystem: 'wgs84' | 'gcj02' = 'wgs84') {
  const countyCode = deps.config.countyCode;
  const [x, y] = coordSystem === 'gcj02' ? gcj02ToWgs84([lng, lat]) : [lng, lat];
  const outline = countyOutline(countyCode);
  if (outline && !pointInCounty(outline, [x, y])) return { inCounty: false, gridCode: null, names: [] as string[] };
  const where = locate([x, y], await gridIndex(deps.db, countyCode), countyCode);
  const codes = [where.divisionCode.slice(0, 9), where.divisionCode.slice(0, 12), where.gridCode].filter(
    (c): c is string => !!c && c.length > countyCode.length,
  );
  const names = (await findDivisions(deps.db, [...new Set(codes)])).map((d) => d.name);
  // 小区/楼栋: the nearest registered building of the grid, when the point is at it
  const building = where.gridCode ? await nearestBuilding(deps.db, where.gridCode, [x, y]) : null;
  if (building && building.metres <= BUILDING_RADIUS_M)
    names.push(...(building.compound ? [building.compound] : []), building.name);
  return { inCounty: true, gridCode: where.gridCode, names };
}

/** How near a building a point must be to be named by it (about a building's footprint and its yard). */
const BUILDING_RADIUS_M = 60;

/** A resident's registered places, for the report form's 我家. */
export async function myRegisteredPlaces(deps: Deps, actor: Actor) {
  if (actor.kind !== 'user' || actor.userKind !== 'resident') return [];
  return (await householdsOfUser(deps.db, actor.userId)).map((h) => ({
    householdCode: h.householdCode,
    address: h.address,
    gridName: h.gridName,
    located: h.point !== null,
  }));
}
