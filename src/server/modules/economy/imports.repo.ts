/** The SQL of the collective-economy register imports: upserts by the keys the asset system's exports carry. */
import type { Queryable } from '../../platform/db/db';
import type { AssetKind, CooperativeKind, PaymentSchedule } from './economy.labels';

/** A cooperative by village and name: added, or its facts replaced; 'created' or 'updated'. */
export async function upsertCooperative(
  q: Queryable,
  c: {
    villageCode: string;
    kind: CooperativeKind;
    name: string;
    members: number;
    registrationNo: string;
    registeredOn: string | null;
  },
) {
  const { rows } = await q.query<{ created: boolean }>(
    `INSERT INTO economy_cooperatives (village_code, kind, name, members, registration_no, registered_on)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (village_code, name) DO UPDATE SET kind = $2, members = $4, registration_no = $5, registered_on = $6
     RETURNING (xmax = 0) AS created`,
    [c.villageCode, c.kind, c.name, c.members, c.registrationNo, c.registeredOn],
  );
  return rows[0].created ? 'created' : 'updated';
}

/** An asset by village and name: added, or its facts replaced. */
export async function upsertAsset(
  q: Queryable,
  a: { villageCode: string; kind: AssetKind; name: string; quantity: string; bookValueFen: number; location: string },
) {
  const { rows } = await q.query<{ created: boolean }>(
    `INSERT INTO economy_assets (village_code, kind, name, quantity, book_value_fen, location)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (village_code, name) DO UPDATE SET kind = $2, quantity = $4, book_value_fen = $5, location = $6
     RETURNING (xmax = 0) AS created`,
    [a.villageCode, a.kind, a.name, a.quantity, a.bookValueFen, a.location],
  );
  return rows[0].created ? 'created' : 'updated';
}

export async function assetIdByName(q: Queryable, villageCode: string, name: string): Promise<string | null> {
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM economy_assets WHERE village_code = $1 AND name = $2`,
    [villageCode, name],
  );
  return rows[0]?.id ?? null;
}

/** A contract by its number in the village, with what has been paid against each due date. */
export async function contractByNo(q: Queryable, villageCode: string, contractNo: string) {
  const { rows } = await q.query<{ id: string; paid: { dueOn: string; paidFen: number }[] }>(
    `SELECT c.id, COALESCE((SELECT jsonb_agg(jsonb_build_object('dueOn', to_char(u.due_on, 'YYYY-MM-DD'), 'paidFen', u.paid_fen))
                              FROM economy_contract_dues u WHERE u.contract_id = c.id AND u.paid_fen > 0), '[]') AS paid
       FROM economy_contracts c WHERE c.village_code = $1 AND c.contract_no = $2 FOR UPDATE OF c`,
    [villageCode, contractNo],
  );
  const r = rows[0];
  return r ? { id: r.id, paid: r.paid.map((p) => ({ dueOn: p.dueOn, paidFen: Number(p.paidFen) })) } : null;
}

export interface ImportedContract {
  villageCode: string;
  contractNo: string;
  assetId: string | null;
  subject: string;
  counterparty: string;
  startsOn: string;
  endsOn: string;
  annualFen: number;
  schedule: PaymentSchedule;
}

export async function insertContract(q: Queryable, c: ImportedContract, by: string): Promise<string> {
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO economy_contracts (village_code, contract_no, asset_id, subject, counterparty, starts_on, ends_on,
       annual_fen, payment_schedule, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      c.villageCode,
      c.contractNo,
      c.assetId,
      c.subject,
      c.counterparty,
      c.startsOn,
      c.endsOn,
      c.annualFen,
      c.schedule,
      by,
    ],
  );
  return rows[0].id;
}

export async function updateContract(q: Queryable, id: string, c: ImportedContract) {
  await q.query(
    `UPDATE economy_contracts SET asset_id = $2, subject = $3, counterparty = $4, starts_on = $5, ends_on = $6,
            annual_fen = $7, payment_schedule = $8
      WHERE id = $1`,
    [id, c.assetId, c.subject, c.counterparty, c.startsOn, c.endsOn, c.annualFen, c.schedule],
  );
}

/**
 * The contract's schedule becomes `dues`: due dates no longer in it go unless something was paid on
 * them (those stay, with their payments); the rest are added or get the new amount.
 */
export async function replaceDues(
  q: Queryable,
  contractId: string,
  dues: readonly { dueOn: string; amountFen: number }[],
) {
  await q.query(
    `DELETE FROM economy_contract_dues WHERE contract_id = $1 AND paid_fen = 0 AND NOT (due_on = ANY ($2::date[]))`,
    [contractId, dues.map((d) => d.dueOn)],
  );
  await q.query(
    `INSERT INTO economy_contract_dues (contract_id, due_on, amount_fen)
     SELECT $1, d, a FROM unnest($2::date[], $3::bigint[]) AS x(d, a)
     ON CONFLICT (contract_id, due_on) DO UPDATE SET amount_fen = EXCLUDED.amount_fen`,
    [contractId, dues.map((d) => d.dueOn), dues.map((d) => d.amountFen)],
  );
}
