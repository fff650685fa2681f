/** SQL of selection certificates (荣誉证书): the per-year number counter, the rows, and honours by holder. */
import type { Queryable } from '../../platform/db/db';
import type { SelectionKind, Subject } from './selections.labels';

export interface CertificateRow {
  number: string;
  selectionId: string;
  selectionTitle: string;
  kind: SelectionKind;
  subject: Subject;
  divisionCode: string;
  divisionName: string;
  countyName: string;
  nomineeId: string;
  residentId: string | null;
  partyOrgCode: string | null;
  name: string;
  placeName: string;
  rank: number;
  issuedAt: Date;
}

const CERTIFICATE = `c.number, c.selection_id AS "selectionId", s.title AS "selectionTitle", s.kind, s.subject,
  s.division_code AS "divisionCode", d.name AS "divisionName",
  coalesce((SELECT k.name FROM divisions k WHERE k.code = left(s.division_code, 6)), '') AS "countyName",
  c.nominee_id AS "nomineeId", n.resident_id AS "residentId", n.party_org_code AS "partyOrgCode", n.name,
  p.name AS "placeName", c.rank, c.issued_at AS "issuedAt"`;

const FROM = `selection_certificates c JOIN selections s ON s.id = c.selection_id
  JOIN divisions d ON d.code = s.division_code
  JOIN selection_nominees n ON n.id = c.nominee_id JOIN divisions p ON p.code = n.place_code`;

/** Reserves `count` numbers of the year's sequence (the counter row stays locked until commit); the first one. */
export async function reserveNumbers(q: Queryable, year: number, count: number): Promise<number> {
  const { rows } = await q.query<{ last: number }>(
    `INSERT INTO selection_certificate_counters AS k (year, last) VALUES ($1, $2)
     ON CONFLICT (year) DO UPDATE SET last = k.last + excluded.last RETURNING last`,
    [year, count],
  );
  return rows[0].last - count + 1;
}

export async function insertCertificates(
  q: Queryable,
  selectionId: string,
  rows: readonly { number: string; nomineeId: string; rank: number }[],
  by: string,
  now: Date,
): Promise<void> {
  await q.query(
    `INSERT INTO selection_certificates (number, selection_id, nominee_id, rank, issued_at, issued_by)
     SELECT x.number, $1, x.nominee_id, x.rank, $5, $6
       FROM unnest($2::text[], $3::uuid[], $4::int[]) AS x (number, nominee_id, rank)`,
    [
      selectionId,
      rows.map((r) => r.number),
      rows.map((r) => r.nomineeId),
      rows.map((r) => r.rank),
      now.toISOString(),
      by,
    ],
  );
}

/** A selection's certificates in rank order. */
export async function certificatesOf(q: Queryable, selectionId: string): Promise<CertificateRow[]> {
  const { rows } = await q.query<CertificateRow>(
    `SELECT ${CERTIFICATE} FROM ${FROM} WHERE c.selection_id = $1 ORDER BY c.rank, c.number`,
    [selectionId],
  );
  return rows;
}

export async function certificateByNumber(q: Queryable, number: string): Promise<CertificateRow | null> {
  const { rows } = await q.query<CertificateRow>(`SELECT ${CERTIFICATE} FROM ${FROM} WHERE c.number = $1`, [number]);
  return rows[0] ?? null;
}

/** The honours of a register person or of a party organisation, newest first (a holder has a handful). */
export async function certificatesOfHolder(
  q: Queryable,
  holder: { residentId: string } | { partyOrgCode: string },
): Promise<CertificateRow[]> {
  const [column, value] =
    'residentId' in holder ? ['n.resident_id', holder.residentId] : ['n.party_org_code', holder.partyOrgCode];
  const { rows } = await q.query<CertificateRow>(
    `SELECT ${CERTIFICATE} FROM ${FROM} WHERE ${column} = $1 ORDER BY c.issued_at DESC, c.number LIMIT 200`,
    [value],
  );
  return rows;
}
