-- Points (积分) and the points shop (积分超市): the seed's clue–points–goods exchange 1:10:5.
-- A double-entry, append-only ledger: every transaction's entries sum to zero (checked by a
-- deferred constraint trigger at commit), entries and transactions are never updated or deleted
-- (trigger + privileges), corrections are compensating transactions. Person balances are cached
-- in points_balances, kept by a trigger on entries, never negative (CHECK), and reconciled by
-- `npx cocreate points reconcile`.

-- Settings per place (nearest ancestor wins; code defaults when none): the exchange shown to
-- residents (10 points = 5 yuan), the publicity period (公示), reservation lifetime, optional
-- expiry, and the pickup desk's lock.
CREATE TABLE points_settings (
  scope_code        text COLLATE "C" PRIMARY KEY REFERENCES divisions (code),
  exchange_points   integer NOT NULL CHECK (exchange_points > 0),
  exchange_yuan     numeric(10, 2) NOT NULL CHECK (exchange_yuan > 0),
  publicity_days    integer NOT NULL CHECK (publicity_days BETWEEN 0 AND 60),
  reservation_hours integer NOT NULL CHECK (reservation_hours BETWEEN 1 AND 720),
  expiry_months     integer CHECK (expiry_months IS NULL OR expiry_months BETWEEN 1 AND 120),
  desk_max_failures integer NOT NULL CHECK (desk_max_failures BETWEEN 1 AND 100),
  desk_lock_minutes integer NOT NULL CHECK (desk_lock_minutes BETWEEN 1 AND 1440),
  updated_at        timestamptz NOT NULL,
  updated_by        uuid REFERENCES users (id)
);

-- Earning rules (积分规则), versioned and append-only: a change is a new version with its own
-- effective date, which is never before the moment it was created (except the built-in default).
CREATE TABLE points_rules (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  scope_code     text COLLATE "C" NOT NULL REFERENCES divisions (code),
  code           text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  version        integer NOT NULL CHECK (version >= 1),
  name           text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('earn', 'deduct')),
  source         text NOT NULL CHECK (source IN ('cases.filed', 'manual')),
  amount         integer NOT NULL CHECK (amount > 0),
  daily_cap      integer CHECK (daily_cap IS NULL OR daily_cap > 0),
  monthly_cap    integer CHECK (monthly_cap IS NULL OR monthly_cap > 0),
  effective_from timestamptz NOT NULL,
  created_at     timestamptz NOT NULL,
  created_by     uuid REFERENCES users (id),
  CHECK (kind = 'earn' OR source = 'manual'),
  UNIQUE (scope_code, code, version)
);
CREATE INDEX points_rules_lookup ON points_rules (code, scope_code, effective_from DESC);

-- Accounts: person (居民), issuer (村/社区/镇 that grants points), shop (积分超市 that received
-- redeemed points), hold (points reserved at a shop until pickup), expiry (过期).
CREATE TABLE points_accounts (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key           text NOT NULL UNIQUE,
  kind          text NOT NULL CHECK (kind IN ('person', 'issuer', 'shop', 'hold', 'expiry')),
  user_id       uuid REFERENCES users (id),
  division_code text COLLATE "C" REFERENCES divisions (code),
  created_at    timestamptz NOT NULL,
  CHECK ((kind = 'person') = (user_id IS NOT NULL)),
  CHECK (kind IN ('person', 'expiry') OR division_code IS NOT NULL)
);
CREATE INDEX points_accounts_user ON points_accounts (user_id) WHERE user_id IS NOT NULL;

-- Awards (积分申报): earned or deducted points on their way through review and publicity.
-- Not the ledger: only a credited award posts a transaction.
CREATE TABLE points_awards (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  rule_id          uuid NOT NULL REFERENCES points_rules (id),
  user_id          uuid NOT NULL REFERENCES users (id),
  issuer_code      text COLLATE "C" NOT NULL REFERENCES divisions (code),
  source_event     text NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('earn', 'deduct')),
  amount           integer NOT NULL CHECK (amount > 0),
  applied_amount   integer CHECK (applied_amount >= 0),
  reason           text NOT NULL,
  state            text NOT NULL CHECK (state IN ('pending', 'reviewed', 'published', 'objected', 'credited', 'rejected')),
  earned_at        timestamptz NOT NULL,
  created_at       timestamptz NOT NULL,
  created_by       uuid REFERENCES users (id),
  reviewed_at      timestamptz,
  reviewed_by      uuid REFERENCES users (id),
  published_at     timestamptz,
  publicity_until  timestamptz,
  decided_at       timestamptz,
  rejection_reason text,
  transaction_id   bigint,
  UNIQUE (rule_id, source_event, user_id)
);
CREATE INDEX points_awards_state ON points_awards (state, issuer_code);
CREATE INDEX points_awards_user ON points_awards (user_id, rule_id, earned_at);
CREATE INDEX points_awards_due ON points_awards (publicity_until) WHERE state = 'published';

-- Objections (异议) raised during publicity; resolved by staff (upheld → the award is rejected).
CREATE TABLE points_objections (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  award_id    uuid NOT NULL REFERENCES points_awards (id),
  user_id     uuid NOT NULL REFERENCES users (id),
  reason      text NOT NULL,
  created_at  timestamptz NOT NULL,
  resolved_at timestamptz,
  resolved_by uuid REFERENCES users (id),
  upheld      boolean,
  resolution  text,
  UNIQUE (award_id, user_id)
);

-- The ledger: transactions and their entries, both append-only.
CREATE TABLE points_transactions (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('award', 'deduction', 'reserve', 'release', 'fulfil', 'expiry', 'correction')),
  memo        text NOT NULL,
  award_id    uuid REFERENCES points_awards (id),
  redemption_id uuid,
  created_at  timestamptz NOT NULL,
  created_by  uuid REFERENCES users (id)
);
CREATE INDEX points_transactions_redemption ON points_transactions (redemption_id) WHERE redemption_id IS NOT NULL;

CREATE TABLE points_entries (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  transaction_id bigint NOT NULL REFERENCES points_transactions (id),
  account_id     bigint NOT NULL REFERENCES points_accounts (id),
  amount         bigint NOT NULL CHECK (amount <> 0),
  -- credits to a person from an award: when they expire (NULL = never); see README "Expiry"
  expires_at     timestamptz,
  created_at     timestamptz NOT NULL
);
CREATE INDEX points_entries_account ON points_entries (account_id, id);
CREATE INDEX points_entries_transaction ON points_entries (transaction_id);
CREATE INDEX points_entries_expiring ON points_entries (expires_at) WHERE expires_at IS NOT NULL;

-- Cached person balances: one row per person account, kept by the trigger below.
CREATE TABLE points_balances (
  account_id bigint PRIMARY KEY REFERENCES points_accounts (id),
  balance    bigint NOT NULL DEFAULT 0 CHECK (balance >= 0)
);

-- Every transaction balances: checked at commit, once all its entries are in.
CREATE FUNCTION points_check_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE total bigint;
BEGIN
  SELECT coalesce(sum(amount), 0) INTO total FROM points_entries WHERE transaction_id = NEW.transaction_id;
  IF total <> 0 THEN
    RAISE EXCEPTION 'points transaction % does not balance (entries sum to %)', NEW.transaction_id, total
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER points_entries_balanced AFTER INSERT ON points_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION points_check_balanced();

-- The cached balance follows the entries (a no-op for accounts without a cached balance). It runs
-- as the owner: the application role may lock a balance row but never write its balance.
CREATE FUNCTION points_apply_entry() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  UPDATE points_balances SET balance = balance + NEW.amount WHERE account_id = NEW.account_id;
  RETURN NULL;
END $$;
CREATE TRIGGER points_entries_cache AFTER INSERT ON points_entries FOR EACH ROW EXECUTE FUNCTION points_apply_entry();

CREATE TRIGGER points_entries_append_only BEFORE UPDATE OR DELETE ON points_entries FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER points_entries_no_truncate BEFORE TRUNCATE ON points_entries FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
CREATE TRIGGER points_transactions_append_only BEFORE UPDATE OR DELETE ON points_transactions FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER points_transactions_no_truncate BEFORE TRUNCATE ON points_transactions FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();
CREATE TRIGGER points_rules_append_only BEFORE UPDATE OR DELETE ON points_rules FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER points_rules_no_truncate BEFORE TRUNCATE ON points_rules FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();

-- The points shop: items per village, community or town; stock never below zero.
CREATE TABLE points_items (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  division_code    text COLLATE "C" NOT NULL REFERENCES divisions (code),
  name             text NOT NULL,
  description      text NOT NULL DEFAULT '',
  price_points     integer NOT NULL CHECK (price_points > 0),
  stock            integer NOT NULL CHECK (stock >= 0),
  per_person_limit integer CHECK (per_person_limit IS NULL OR per_person_limit > 0),
  photo_url        text,
  active           boolean NOT NULL DEFAULT true,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);
CREATE INDEX points_items_division ON points_items (division_code) WHERE active;

-- Redemptions (兑换): reserved with a pickup code, then fulfilled, cancelled or expired.
CREATE TABLE points_redemptions (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  item_id        uuid NOT NULL REFERENCES points_items (id),
  division_code  text COLLATE "C" NOT NULL REFERENCES divisions (code),
  user_id        uuid NOT NULL REFERENCES users (id),
  quantity       integer NOT NULL CHECK (quantity > 0),
  points         integer NOT NULL CHECK (points > 0),
  state          text NOT NULL CHECK (state IN ('reserved', 'fulfilled', 'cancelled', 'expired')),
  pickup_code    text NOT NULL CHECK (pickup_code ~ '^[0-9]{6}$'),
  reserved_at    timestamptz NOT NULL,
  expires_at     timestamptz NOT NULL,
  closed_at      timestamptz,
  closed_by      uuid REFERENCES users (id)
);
CREATE UNIQUE INDEX points_redemptions_live_code ON points_redemptions (pickup_code) WHERE state = 'reserved';
CREATE INDEX points_redemptions_user ON points_redemptions (user_id, reserved_at DESC);
CREATE INDEX points_redemptions_item_user ON points_redemptions (item_id, user_id);
CREATE INDEX points_redemptions_due ON points_redemptions (expires_at) WHERE state = 'reserved';
CREATE INDEX points_redemptions_code ON points_redemptions (pickup_code);

-- The pickup desk: wrong codes in a row per staff member; a lock after too many.
CREATE TABLE points_desk_throttle (
  user_id      uuid PRIMARY KEY REFERENCES users (id),
  failures     integer NOT NULL DEFAULT 0,
  locked_until timestamptz
);

GRANT SELECT, INSERT, UPDATE, DELETE ON points_settings, points_awards, points_objections, points_items, points_redemptions,
  points_desk_throttle TO cocreate_app;
GRANT SELECT, INSERT ON points_accounts, points_rules, points_transactions, points_entries TO cocreate_app;
REVOKE UPDATE, DELETE, TRUNCATE ON points_accounts, points_rules, points_transactions, points_entries FROM cocreate_app;
-- Balances: the app may create a row (balance 0) and lock it (FOR UPDATE needs an UPDATE grant on
-- some column: account_id only), never set the balance itself.
REVOKE ALL ON points_balances FROM cocreate_app;
GRANT SELECT, INSERT (account_id), UPDATE (account_id) ON points_balances TO cocreate_app;
