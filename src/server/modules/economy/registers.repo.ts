/** SQL of the collective economy's registers: cooperatives (村社合一), assets, contracts and their dues. */
import type { Queryable } from '../../platform/db/db';
import type { KeyValue } from '../../platform/page';
import type { AssetKind, CooperativeKind } from './economy.labels';

const scoped = `village_code LIKE ANY($1::text[])`;
const patterns = (scopes: readonly string[]) => scopes.map((s) => `${s}%`);

export interface Cooperative {
  id: string;
  villageCode: string;
  villageName: string;
  kind: CooperativeKind;
  name: string;
  members: number;
  registrationNo: string;
  registeredOn: string | null;
}

export async function cooperatives(q: Queryable, scopes: readonly string[], limit: number, after: KeyValue[] | null) {
  const { rows } = await q.query<Cooperative>(
    `SELECT c.id, c.village_code AS "villageCode", d.name AS "villageName", c.kind, c.name, c.members,
            c.registration_no AS "registrationNo", to_char(c.registered_on, 'YYYY-MM-DD') AS "registeredOn"
       FROM economy_cooperatives c JOIN divisions d ON d.code = c.village_code
      WHERE c.${scoped} AND ($2::text IS NULL OR (c.village_code, c.id) > ($2, $3::uuid))
      ORDER BY c.village_code, c.id LIMIT $4`,
    [patterns(scopes), after?.[0] ?? null, after?.[1] ?? null, limit],
  );
  return rows;
}
export const cooperativeKey = (c: Cooperative) => [c.villageCode, c.id];

export async function insertCooperative(
  q: Queryable,
  c: Omit<Cooperative, 'id' | 'villageName'>,
  isDemo = false,
): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO economy_cooperatives (village_code, kind, name, members, registration_no, registered_on, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (village_code, name) DO NOTHING RETURNING id`,
    [c.villageCode, c.kind, c.name, c.members, c.registrationNo, c.registeredOn, isDemo],
  );
  return rows[0]?.id ?? null;
}

export interface Asset {
  id: string;
  villageCode: string;
  villageName: string;
  kind: AssetKind;
  name: string;
  quantity: string;
  bookValueFen: number;
  location: string;
}

export async function assets(q: Queryable, scopes: readonly string[], limit: number, after: KeyValue[] | null) {
  const { rows } = await q.query<Asset>(
    `SELECT a.id, a.village_code AS "villageCode", d.name AS "villageName", a.kind, a.name, a.quantity,
            a.book_value_fen AS "bookValueFen", a.location
       FROM economy_assets a JOIN divisions d ON d.code = a.village_code
      WHERE a.${scoped} AND ($2::text IS NULL OR (a.village_code, a.id) > ($2, $3::uuid))
      ORDER BY a.village_code, a.id LIMIT $4`,
    [patterns(scopes), after?.[0] ?? null, after?.[1] ?? null, limit],
  );
  return rows.map((r) => ({ ...r, bookValueFen: Number(r.bookValueFen) }));
}
export const assetKey = (a: Asset) => [a.villageCode, a.id];

export async function insertAsset(q: Queryable, a: Omit<Asset, 'id' | 'villageName' | 'location'>, isDemo = false) {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO economy_assets (village_code, kind, name, quantity, book_value_fen, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (village_code, name) DO NOTHING RETURNING id`,
    [a.villageCode, a.kind, a.name, a.quantity, a.bookValueFen, isDemo],
  );
  return rows[0]?.id ?? null;
}

export async function assetVillage(q: Queryable, id: string): Promise<string | null> {
  const { rows } = await q.query<{ village_code: string }>('SELECT village_code FROM economy_assets WHERE id = $1', [
    id,
  ]);
  return rows[0]?.village_code ?? null;
}

export interface DueRow {
  id: string;
  dueOn: string;
  amountFen: number;
  paidFen: number;
  paidOn: string | null;
}

export interface ContractRow {
  id: string;
  villageCode: string;
  villageName: string;
  assetId: string | null;
  assetName: string | null;
  subject: string;
  counterparty: string;
  startsOn: string;
  endsOn: string;
  dues: DueRow[];
}

const CONTRACTS = `
  SELECT c.id, c.village_code AS "villageCode", d.name AS "villageName", c.asset_id AS "assetId",
         a.name AS "assetName", c.subject, c.counterparty,
         to_char(c.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(c.ends_on, 'YYYY-MM-DD') AS "endsOn",
         COALESCE((SELECT jsonb_agg(jsonb_build_object('id', u.id, 'dueOn', to_char(u.due_on, 'YYYY-MM-DD'),
                    'amountFen', u.amount_fen, 'paidFen', u.paid_fen, 'paidOn', to_char(u.paid_on, 'YYYY-MM-DD'))
                    ORDER BY u.due_on)
                     FROM economy_contract_dues u WHERE u.contract_id = c.id), '[]'::jsonb) AS dues
    FROM economy_contracts c JOIN divisions d ON d.code = c.village_code
    LEFT JOIN economy_assets a ON a.id = c.asset_id`;

export async function contracts(q: Queryable, scopes: readonly string[], limit: number, after: KeyValue[] | null) {
  const { rows } = await q.query<ContractRow>(
    `${CONTRACTS}
      WHERE c.${scoped} AND ($2::text IS NULL OR (c.village_code, c.id) > ($2, $3::uuid))
      ORDER BY c.village_code, c.id LIMIT $4`,
    [patterns(scopes), after?.[0] ?? null, after?.[1] ?? null, limit],
  );
  return rows;
}
export const contractKey = (c: ContractRow) => [c.villageCode, c.id];

export async function contract(q: Queryable, id: string): Promise<ContractRow | null> {
  const { rows } = await q.query<ContractRow>(`${CONTRACTS} WHERE c.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function insertContract(
  q: Queryable,
  c: {
    villageCode: string;
    assetId: string | null;
    subject: string;
    counterparty: string;
    startsOn: string;
    endsOn: string;
  },
  by: string | null,
  isDemo = false,
) {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO economy_contracts (village_code, asset_id, subject, counterparty, starts_on, ends_on, created_by, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [c.villageCode, c.assetId, c.subject, c.counterparty, c.startsOn, c.endsOn, by, isDemo],
  );
  return rows[0].id;
}

export async function insertDue(
  q: Queryable,
  contractId: string,
  d: { dueOn: string; amountFen: number; paidFen?: number; paidOn?: string | null },
) {
  await q.query(
    `INSERT INTO economy_contract_dues (contract_id, due_on, amount_fen, paid_fen, paid_on) VALUES ($1, $2, $3, $4, $5)`,
    [contractId, d.dueOn, d.amountFen, d.paidFen ?? 0, d.paidOn ?? null],
  );
}

export async function dueForUpdate(q: Queryable, contractId: string, dueId: string) {
  const { rows } = await q.query<{ amount_fen: number; paid_fen: number; paid_on: string | null }>(
    `SELECT amount_fen, paid_fen, to_char(paid_on, 'YYYY-MM-DD') AS paid_on FROM economy_contract_dues
      WHERE contract_id = $1 AND id = $2 FOR UPDATE`,
    [contractId, dueId],
  );
  const r = rows[0];
  return r ? { amountFen: Number(r.amount_fen), paidFen: Number(r.paid_fen), paidOn: r.paid_on } : null;
}

export async function payDue(q: Queryable, dueId: string, paidFen: number, paidOn: string) {
  await q.query('UPDATE economy_contract_dues SET paid_fen = $2, paid_on = $3 WHERE id = $1', [dueId, paidFen, paidOn]);
}

export async function demoContractExists(q: Queryable, village: string) {
  const { rows } = await q.query('SELECT 1 FROM economy_contracts WHERE village_code = $1 AND is_demo LIMIT 1', [
    village,
  ]);
  return rows.length > 0;
}
