import type { Queryable } from '../../platform/db/db';

/** A resident as stored: identifiers only as ciphertext, blind index and masked form. */
export interface StoredResident {
  householdCode: string;
  name: string;
  idCipher: string;
  idIndex: string;
  idMasked: string;
  phoneCipher: string | null;
  phoneIndex: string | null;
  phoneMasked: string | null;
  gender: 'M' | 'F';
  birthDate: string;
  relation: string;
  isDemo?: boolean;
}

const col = <T, K>(rows: readonly T[], f: (r: T) => K) => rows.map(f);

/** Upsert by ID number (blind index): re-importing the same register changes nothing. */
export async function upsertResidents(q: Queryable, rows: readonly StoredResident[]): Promise<void> {
  if (rows.length === 0) return;
  await q.query(
    `INSERT INTO residents (household_code, name, id_cipher, id_index, id_masked, phone_cipher, phone_index, phone_masked, gender, birth_date, relation, is_demo)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::date[], $11::text[], $12::boolean[])
     ON CONFLICT (id_index) DO UPDATE SET household_code = EXCLUDED.household_code, name = EXCLUDED.name,
       id_cipher = CASE WHEN residents.id_masked = EXCLUDED.id_masked THEN residents.id_cipher ELSE EXCLUDED.id_cipher END,
       phone_cipher = CASE WHEN residents.phone_index IS NOT DISTINCT FROM EXCLUDED.phone_index THEN residents.phone_cipher ELSE EXCLUDED.phone_cipher END,
       phone_index = EXCLUDED.phone_index, phone_masked = EXCLUDED.phone_masked, gender = EXCLUDED.gender,
       birth_date = EXCLUDED.birth_date, relation = EXCLUDED.relation,
       updated_at = CASE WHEN (residents.household_code, residents.name, residents.phone_index, residents.relation)
                          IS DISTINCT FROM (EXCLUDED.household_code, EXCLUDED.name, EXCLUDED.phone_index, EXCLUDED.relation)
                         THEN now() ELSE residents.updated_at END`,
    [
      col(rows, (r) => r.householdCode),
      col(rows, (r) => r.name),
      col(rows, (r) => r.idCipher),
      col(rows, (r) => r.idIndex),
      col(rows, (r) => r.idMasked),
      col(rows, (r) => r.phoneCipher),
      col(rows, (r) => r.phoneIndex),
      col(rows, (r) => r.phoneMasked),
      col(rows, (r) => r.gender),
      col(rows, (r) => r.birthDate),
      col(rows, (r) => r.relation),
      col(rows, (r) => r.isDemo ?? false),
    ],
  );
}

export interface PersonRow {
  id: string;
  householdCode: string;
  address: string;
  name: string;
  idMasked: string;
  phoneMasked: string | null;
  gender: 'M' | 'F';
  birthDate: string;
  relation: string;
  partyMember: boolean;
}

const PERSON_SELECT = `SELECT r.id, r.household_code, h.address, r.name, r.id_masked, r.phone_masked, r.gender, to_char(r.birth_date, 'YYYY-MM-DD') AS birth_date,
    r.relation, EXISTS (SELECT 1 FROM party_members m WHERE m.resident_id = r.id) AS party_member
  FROM residents r JOIN households h ON h.code = r.household_code`;

interface RawPerson {
  id: string;
  household_code: string;
  address: string;
  name: string;
  id_masked: string;
  phone_masked: string | null;
  gender: 'M' | 'F';
  birth_date: string;
  relation: string;
  party_member: boolean;
}

const toPerson = (r: RawPerson): PersonRow => ({
  id: r.id,
  householdCode: r.household_code,
  address: r.address,
  name: r.name,
  idMasked: r.id_masked,
  phoneMasked: r.phone_masked,
  gender: r.gender,
  birthDate: r.birth_date,
  relation: r.relation,
  partyMember: r.party_member,
});

/** Which of `prefixes` a household code falls in is checked by the caller; this filters in SQL too. */
const scopeSql = (param: number) =>
  `EXISTS (SELECT 1 FROM unnest($${param}::text[]) s WHERE r.household_code LIKE s || '%')`;

/** The sort key of a search page: household, name, then id (unique), compared as text. */
export const PERSON_KEY = ['string', 'string', 'string'] as const;
export const personKey = (p: PersonRow): [string, string, string] => [p.householdCode, p.name, p.id];

/** People matching `by` within `scopes`, in key order after `after`: `limit` rows (the caller asks one more). */
export async function searchPeople(
  q: Queryable,
  scopes: readonly string[],
  by: { name?: string; idIndex?: string; phoneIndex?: string },
  after: readonly string[] | null,
  limit: number,
): Promise<PersonRow[]> {
  const params: unknown[] = [scopes];
  const where = [scopeSql(1)];
  if (by.name) {
    params.push(`${by.name.replace(/[%_\\]/g, '\\$&')}%`);
    where.push(`r.name LIKE $${params.length}`);
  }
  if (by.idIndex) {
    params.push(by.idIndex);
    where.push(`r.id_index = $${params.length}`);
  }
  if (by.phoneIndex) {
    params.push(by.phoneIndex);
    where.push(`r.phone_index = $${params.length}`);
  }
  if (after) {
    params.push(...after);
    const n = params.length;
    where.push(`(r.household_code, r.name, r.id::text) > ($${n - 2}, $${n - 1}, $${n})`);
  }
  params.push(limit);
  const { rows } = await q.query<RawPerson>(
    `${PERSON_SELECT} WHERE ${where.join(' AND ')} ORDER BY r.household_code, r.name, r.id::text LIMIT $${params.length}`,
    params,
  );
  return rows.map(toPerson);
}

export async function findPerson(q: Queryable, id: string): Promise<PersonRow | null> {
  const { rows } = await q.query<RawPerson>(`${PERSON_SELECT} WHERE r.id = $1`, [id]);
  return rows[0] ? toPerson(rows[0]) : null;
}

export async function householdMembers(q: Queryable, householdCode: string): Promise<PersonRow[]> {
  const { rows } = await q.query<RawPerson>(
    `${PERSON_SELECT} WHERE r.household_code = $1 ORDER BY r.relation = 'householder' DESC, r.birth_date`,
    [householdCode],
  );
  return rows.map(toPerson);
}

export async function personCiphers(
  q: Queryable,
  id: string,
): Promise<{ idCipher: string; phoneCipher: string | null } | null> {
  const { rows } = await q.query<{ id_cipher: string; phone_cipher: string | null }>(
    'SELECT id_cipher, phone_cipher FROM residents WHERE id = $1',
    [id],
  );
  return rows[0] ? { idCipher: rows[0].id_cipher, phoneCipher: rows[0].phone_cipher } : null;
}

/** Resident ids by ID-number blind index (for party member and link imports). */
export async function residentIdsByIndex(
  q: Queryable,
  indexes: readonly string[],
): Promise<Map<string, { id: string; householdCode: string }>> {
  if (indexes.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; id_index: string; household_code: string }>(
    'SELECT id, id_index, household_code FROM residents WHERE id_index = ANY($1::text[])',
    [indexes],
  );
  return new Map(rows.map((r) => [r.id_index, { id: r.id, householdCode: r.household_code }]));
}

/** Households of a resident account, matched by phone (the resident app's "my household"). */
export async function householdsByPhone(q: Queryable, phoneIndex: string): Promise<string[]> {
  const { rows } = await q.query<{ household_code: string }>(
    'SELECT DISTINCT household_code FROM residents WHERE phone_index = $1',
    [phoneIndex],
  );
  return rows.map((r) => r.household_code);
}
