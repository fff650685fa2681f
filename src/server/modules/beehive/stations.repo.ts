/** SQL of stations, their agreements, medicine stock and check-in counts. */
import type { Queryable } from '../../platform/db/db';
import type { WeeklyHours } from './beehive.domain';
import type { StationKind } from './beehive.labels';

export interface StationRow {
  id: string;
  kind: StationKind;
  name: string;
  divisionCode: string;
  address: string;
  lng: number;
  lat: number;
  hours: WeeklyHours;
  services: string[];
  responsibleOrg: string;
  partyOrgCode: string | null;
  checkinCode: string;
  updatedAt: Date;
}

export interface StationWrite {
  kind: StationKind;
  name: string;
  divisionCode: string;
  address: string;
  lng: number;
  lat: number;
  hours: WeeklyHours;
  services: string[];
  responsibleOrg: string;
  partyOrgCode: string | null;
}

const COLUMNS = `id, kind, name, division_code AS "divisionCode", address, lng, lat, hours, services,
  responsible_org AS "responsibleOrg", party_org_code AS "partyOrgCode", checkin_code AS "checkinCode",
  updated_at AS "updatedAt"`;

export async function insertStation(
  q: Queryable,
  s: StationWrite & { checkinCode: string; isDemo?: boolean },
  now: Date,
): Promise<StationRow> {
  const { rows } = await q.query<StationRow>(
    `INSERT INTO beehive_stations (kind, name, division_code, address, lng, lat, hours, services, responsible_org,
       party_org_code, checkin_code, is_demo, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::text[], $9, $10, $11, $12, $13, $13) RETURNING ${COLUMNS}`,
    [
      s.kind,
      s.name,
      s.divisionCode,
      s.address,
      s.lng,
      s.lat,
      JSON.stringify(s.hours),
      s.services,
      s.responsibleOrg,
      s.partyOrgCode,
      s.checkinCode,
      s.isDemo ?? false,
      now,
    ],
  );
  return rows[0];
}

export async function updateStation(q: Queryable, id: string, s: StationWrite, now: Date): Promise<StationRow | null> {
  const { rows } = await q.query<StationRow>(
    `UPDATE beehive_stations SET kind = $2, name = $3, division_code = $4, address = $5, lng = $6, lat = $7,
       hours = $8::jsonb, services = $9::text[], responsible_org = $10, party_org_code = $11, updated_at = $12
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [
      id,
      s.kind,
      s.name,
      s.divisionCode,
      s.address,
      s.lng,
      s.lat,
      JSON.stringify(s.hours),
      s.services,
      s.responsibleOrg,
      s.partyOrgCode,
      now,
    ],
  );
  return rows[0] ?? null;
}

export async function findStation(q: Queryable, id: string, lock = false): Promise<StationRow | null> {
  const { rows } = await q.query<StationRow>(
    `SELECT ${COLUMNS} FROM beehive_stations WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function findStationByCode(q: Queryable, code: string): Promise<StationRow | null> {
  const { rows } = await q.query<StationRow>(`SELECT ${COLUMNS} FROM beehive_stations WHERE checkin_code = $1`, [code]);
  return rows[0] ?? null;
}

/** Every station of the county (for the public nearest-open look-up, cached by the service). */
export async function allStations(q: Queryable): Promise<StationRow[]> {
  const { rows } = await q.query<StationRow>(`SELECT ${COLUMNS} FROM beehive_stations ORDER BY id`);
  return rows;
}

/** A page of the stations under any of `scopes`, by name then id. */
export async function listStations(
  q: Queryable,
  scopes: readonly string[],
  after: [string, string] | null,
  limit: number,
): Promise<StationRow[]> {
  const { rows } = await q.query<StationRow>(
    `SELECT ${COLUMNS} FROM beehive_stations s
     WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) p WHERE s.division_code LIKE p || '%')
       AND ($2::text IS NULL OR (s.name COLLATE "C", s.id::text) > ($2::text COLLATE "C", $3::text))
     ORDER BY s.name COLLATE "C", s.id::text LIMIT $4`,
    [scopes, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  return rows;
}

// ---- agreements ----

export interface AgreementRow {
  id: string;
  stationId: string;
  parties: string[];
  terms: string;
  validFrom: string;
  validTo: string;
}

const AGREEMENT = `id, station_id AS "stationId", parties, terms, to_char(valid_from, 'YYYY-MM-DD') AS "validFrom",
  to_char(valid_to, 'YYYY-MM-DD') AS "validTo"`;

export async function insertAgreement(q: Queryable, a: Omit<AgreementRow, 'id'>, now: Date): Promise<AgreementRow> {
  const { rows } = await q.query<AgreementRow>(
    `INSERT INTO beehive_agreements (station_id, parties, terms, valid_from, valid_to, created_at)
     VALUES ($1, $2::text[], $3, $4::date, $5::date, $6) RETURNING ${AGREEMENT}`,
    [a.stationId, a.parties, a.terms, a.validFrom, a.validTo, now],
  );
  return rows[0];
}

/** Agreements of the given stations, latest end first. */
export async function agreementsOf(q: Queryable, stationIds: readonly string[]): Promise<AgreementRow[]> {
  if (stationIds.length === 0) return [];
  const { rows } = await q.query<AgreementRow>(
    `SELECT ${AGREEMENT} FROM beehive_agreements WHERE station_id = ANY($1::uuid[]) ORDER BY valid_to DESC, id`,
    [stationIds],
  );
  return rows;
}

// ---- medicines ----

export interface MedicineRow {
  stationId: string;
  name: string;
  unit: string;
  quantity: number;
  lowAt: number;
}

export async function upsertMedicine(q: Queryable, m: MedicineRow, now: Date): Promise<MedicineRow> {
  const { rows } = await q.query<MedicineRow>(
    `INSERT INTO beehive_medicines (station_id, name, unit, quantity, low_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (station_id, name) DO UPDATE SET unit = EXCLUDED.unit, quantity = EXCLUDED.quantity,
       low_at = EXCLUDED.low_at, updated_at = EXCLUDED.updated_at
     RETURNING station_id AS "stationId", name, unit, quantity, low_at AS "lowAt"`,
    [m.stationId, m.name, m.unit, m.quantity, m.lowAt, now],
  );
  return rows[0];
}

export async function medicinesOf(q: Queryable, stationIds: readonly string[]): Promise<MedicineRow[]> {
  if (stationIds.length === 0) return [];
  const { rows } = await q.query<MedicineRow>(
    `SELECT station_id AS "stationId", name, unit, quantity, low_at AS "lowAt" FROM beehive_medicines
     WHERE station_id = ANY($1::uuid[]) ORDER BY name COLLATE "C"`,
    [stationIds],
  );
  return rows;
}

// ---- check-ins: counts only ----

export async function countCheckin(q: Queryable, stationId: string, day: string): Promise<number> {
  const { rows } = await q.query<{ count: number }>(
    `INSERT INTO beehive_checkins (station_id, day, count) VALUES ($1, $2::date, 1)
     ON CONFLICT (station_id, day) DO UPDATE SET count = beehive_checkins.count + 1 RETURNING count`,
    [stationId, day],
  );
  return rows[0].count;
}

export async function checkinCounts(
  q: Queryable,
  stationIds: readonly string[],
  from: string,
  to: string,
): Promise<{ stationId: string; day: string; count: number }[]> {
  if (stationIds.length === 0) return [];
  const { rows } = await q.query<{ stationId: string; day: string; count: number }>(
    `SELECT station_id AS "stationId", to_char(day, 'YYYY-MM-DD') AS day, count FROM beehive_checkins
     WHERE station_id = ANY($1::uuid[]) AND day BETWEEN $2::date AND $3::date ORDER BY day DESC, station_id`,
    [stationIds, from, to],
  );
  return rows;
}
