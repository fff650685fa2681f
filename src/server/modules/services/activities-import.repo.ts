/** The SQL of the activities import: places, activities by number, and the writes in batches. */
import type { Queryable } from '../../platform/db/db';
import type { NewActivity } from './activities.repo';

/** Which of these codes are divisions or grids. */
export async function knownPlaces(q: Queryable, codes: readonly string[]): Promise<Set<string>> {
  const { rows } = await q.query<{ code: string }>(`SELECT code FROM divisions WHERE code = ANY ($1::text[])`, [codes]);
  return new Set(rows.map((r) => r.code));
}

/** The activity a number names at a place: its id and how many are enrolled (the capacity's floor). */
export async function activityByRef(q: Queryable, divisionCode: string, ref: string) {
  const { rows } = await q.query<{ id: string; enrolled: number }>(
    `SELECT id, enrolled FROM service_activities WHERE division_code = $1 AND import_ref = $2`,
    [divisionCode, ref],
  );
  return rows[0] ?? null;
}

export type ImportedActivity = Omit<NewActivity, 'now' | 'isDemo'> & { importRef: string | null };

/** New activities in one statement. */
export async function insertActivities(q: Queryable, rows: readonly ImportedActivity[], now: Date) {
  if (!rows.length) return;
  const c = <K extends keyof ImportedActivity>(k: K) => rows.map((r) => r[k]);
  await q.query(
    `INSERT INTO service_activities (title, kind, description, division_code, organiser_kind, unit_id, party_org_code,
       place, lng, lat, radius_m, starts_at, ends_at, capacity, audience, checkin_code, state, created_by, created_at,
       import_ref)
     SELECT t, k, d, dc, ok, u, po, pl, lng, lat, rm, s, e, cap, au, cc, 'published', $17, $18, ref
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[],
                   $9::float8[], $10::float8[], $11::int[], $12::timestamptz[], $13::timestamptz[], $14::int[],
                   $15::text[], $16::text[], $19::text[])
         AS x(t, k, d, dc, ok, u, po, pl, lng, lat, rm, s, e, cap, au, cc, ref)`,
    [
      c('title'),
      c('kind'),
      c('description'),
      c('divisionCode'),
      c('organiserKind'),
      c('unitId'),
      c('partyOrgCode'),
      c('place'),
      c('lng'),
      c('lat'),
      c('radiusM'),
      c('startsAt'),
      c('endsAt'),
      c('capacity'),
      c('audience'),
      c('checkinCode'),
      rows[0].createdBy,
      now,
      c('importRef'),
    ],
  );
}

/** An activity imported again: the file's facts replace its own (its sign-ups, code and state stay). */
export async function updateActivity(q: Queryable, id: string, a: ImportedActivity) {
  await q.query(
    `UPDATE service_activities SET title = $2, kind = $3, description = $4, organiser_kind = $5, unit_id = $6,
            party_org_code = $7, place = $8, lng = $9, lat = $10, radius_m = $11, starts_at = $12, ends_at = $13,
            capacity = $14, audience = $15
      WHERE id = $1`,
    [
      id,
      a.title,
      a.kind,
      a.description,
      a.organiserKind,
      a.unitId,
      a.partyOrgCode,
      a.place,
      a.lng,
      a.lat,
      a.radiusM,
      a.startsAt,
      a.endsAt,
      a.capacity,
      a.audience,
    ],
  );
}
