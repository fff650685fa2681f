/**
 * The plain records of the organisation module: what spreadsheets import and export, and what the
 * demo generator produces. Field names are the API's; Chinese sheet headers map onto them.
 */
import type { Polygon } from 'geojson';
import type { PartyOrgKind, Relation } from './organisation.labels';

export type { PartyOrgKind, Relation };

export type LngLat = [number, number]; // WGS-84 longitude, latitude

export interface GridRecord {
  code: string; // 15 digits
  name: string;
  polygon: Polygon | null; // GeoJSON, WGS-84 (CGCS2000 is treated as identical at this scale)
  synthetic: boolean; // true for generated demo geometry
}

export interface CompoundRecord {
  code: string; // village + 'C' + 3 digits
  name: string;
  kind: 'compound' | 'villager_group'; // 小区 | 村民小组
}

export interface BuildingRecord {
  code: string; // 18 digits
  name: string;
  compoundCode: string | null;
  point: LngLat | null;
}

export interface HouseholdRecord {
  code: string; // 22 digits
  address: string;
  point: LngLat | null;
}

export interface ResidentRecord {
  householdCode: string;
  name: string;
  idNumber: string; // 18 characters, GB 11643 checksum
  phone: string | null; // 11-digit mainland mobile
  relation: Relation;
}

export interface PartyOrgRecord {
  code: string; // division or grid code + '-' + 2 digits, e.g. 421081107212-01
  name: string;
  kind: PartyOrgKind;
  parentCode: string | null;
  divisionCode: string; // the division or grid it is attached to
}

export interface PartyMemberRecord {
  idNumber: string; // the member is a resident, found by ID number
  orgCode: string;
  membership: 'full' | 'probationary'; // 正式 | 预备
  joinedOn: string; // YYYY-MM-DD
  embeddedCadre: boolean; // 下沉党员
  woodpecker: boolean; // 啄木鸟
}

export interface LinkRecord {
  memberIdNumber: string;
  householdCode: string;
  hub: boolean; // true: this is the member's hub household (党员中心户) — the member's own home
}
