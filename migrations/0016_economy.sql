-- The village collective economy (村级集体经济, issue #16): collective income per village, year and
-- source (the four development models), the three cooperatives of 村社合一, collective assets,
-- contracts and leases with their payment schedule, and the county's income threshold. Amounts are
-- integer fen (分): no floating point anywhere.

CREATE TABLE economy_settings (
  county_code   text COLLATE "C" PRIMARY KEY REFERENCES divisions (code),
  threshold_fen bigint NOT NULL CHECK (threshold_fen > 0),  -- "above" means total >= threshold (以上)
  updated_at    timestamptz NOT NULL DEFAULT now(),
  updated_by    uuid REFERENCES users (id)
);

CREATE TABLE economy_incomes (
  village_code text COLLATE "C" NOT NULL REFERENCES divisions (code),
  year         smallint NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  source       text NOT NULL CHECK (source IN ('resources', 'industry', 'cooperation', 'asset_operation')),
  amount_fen   bigint NOT NULL CHECK (amount_fen >= 0),
  note         text NOT NULL DEFAULT '',
  is_demo      boolean NOT NULL DEFAULT false,
  updated_at   timestamptz NOT NULL DEFAULT now(),
  updated_by   uuid REFERENCES users (id),
  PRIMARY KEY (village_code, year, source)
);
CREATE INDEX economy_incomes_year ON economy_incomes (year, village_code);

CREATE TABLE economy_cooperatives (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  village_code    text COLLATE "C" NOT NULL REFERENCES divisions (code),
  kind            text NOT NULL CHECK (kind IN ('land', 'joint_stock', 'professional')),
  name            text NOT NULL,
  members         integer NOT NULL CHECK (members >= 0),
  registration_no text NOT NULL DEFAULT '',
  registered_on   date,
  is_demo         boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (village_code, name)
);

CREATE TABLE economy_assets (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  village_code   text COLLATE "C" NOT NULL REFERENCES divisions (code),
  kind           text NOT NULL CHECK (kind IN ('land', 'building', 'equipment', 'other')),
  name           text NOT NULL,
  quantity       text NOT NULL DEFAULT '',          -- e.g. 120亩, 800平方米
  book_value_fen bigint NOT NULL CHECK (book_value_fen >= 0),
  is_demo        boolean NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (village_code, name)
);

CREATE TABLE economy_contracts (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  village_code text COLLATE "C" NOT NULL REFERENCES divisions (code),
  asset_id     uuid REFERENCES economy_assets (id),
  subject      text NOT NULL,
  counterparty text NOT NULL,
  starts_on    date NOT NULL,
  ends_on      date NOT NULL,
  is_demo      boolean NOT NULL DEFAULT false,
  created_at   timestamptz NOT NULL DEFAULT now(),
  created_by   uuid REFERENCES users (id),
  CHECK (ends_on > starts_on)
);
CREATE INDEX economy_contracts_village ON economy_contracts (village_code, starts_on);

CREATE TABLE economy_contract_dues (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contract_id uuid NOT NULL REFERENCES economy_contracts (id) ON DELETE CASCADE,
  due_on      date NOT NULL,
  amount_fen  bigint NOT NULL CHECK (amount_fen > 0),
  paid_fen    bigint NOT NULL DEFAULT 0 CHECK (paid_fen >= 0 AND paid_fen <= amount_fen),
  paid_on     date,
  UNIQUE (contract_id, due_on)
);

GRANT SELECT, INSERT, UPDATE ON economy_settings, economy_incomes, economy_cooperatives, economy_assets,
  economy_contracts, economy_contract_dues TO cocreate_app;
