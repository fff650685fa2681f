-- Register imports (#14 item 2, #16 item 4): the keys a re-import finds its rows by, and what the
-- rural collective asset system's exports carry that the registers did not keep yet.

-- 活动编号: the organiser's own number of an activity, unique within its village or community; an
-- imported activity with a known number is updated, not added again.
ALTER TABLE service_activities ADD COLUMN import_ref text;
CREATE UNIQUE INDEX service_activities_import_ref ON service_activities (division_code, import_ref)
  WHERE import_ref IS NOT NULL;

-- 坐落位置 of a collective asset (assets are found by village and name).
ALTER TABLE economy_assets ADD COLUMN location text NOT NULL DEFAULT '';

-- 合同编号, the annual amount and the payment schedule the due payments were made from.
ALTER TABLE economy_contracts ADD COLUMN contract_no text;
ALTER TABLE economy_contracts ADD COLUMN annual_fen bigint CHECK (annual_fen >= 0);
ALTER TABLE economy_contracts ADD COLUMN payment_schedule text
  CHECK (payment_schedule IN ('yearly', 'half_yearly', 'quarterly', 'monthly', 'once'));
CREATE UNIQUE INDEX economy_contracts_no ON economy_contracts (village_code, contract_no)
  WHERE contract_no IS NOT NULL;

-- A re-imported contract's schedule replaces its unpaid due dates (paid ones always stay).
GRANT DELETE ON economy_contract_dues TO cocreate_app;
