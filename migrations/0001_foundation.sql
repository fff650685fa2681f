-- Foundation: application role, division tree, departments, accounts, roles, sessions,
-- sign-in throttling, SMS codes and outbox, and the append-only hash-chained audit trail.

-- Requests run as cocreate_app (SET LOCAL ROLE): it may read and write business tables but can
-- never update or delete append-only ones. Migrations run as the connecting (owner) role.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'cocreate_app') THEN
    CREATE ROLE cocreate_app NOLOGIN;
  END IF;
END $$;
DO $$
BEGIN
  EXECUTE format('GRANT cocreate_app TO %I', current_user);
EXCEPTION WHEN others THEN NULL; -- already a member, or a superuser that needs no grant
END $$;
GRANT USAGE ON SCHEMA public TO cocreate_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO cocreate_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO cocreate_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO cocreate_app;

-- Raises on any UPDATE or DELETE: used by every append-only table.
CREATE FUNCTION forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;

-- 行政区划: the national statistical division tree. Codes are hierarchical (2/4/6/9/12 digits);
-- a subtree is a code prefix, so codes use the C collation for index-backed prefix scans.
CREATE TABLE divisions (
  code        text COLLATE "C" PRIMARY KEY CHECK (code ~ '^[0-9]+$'),
  name        text NOT NULL,
  kind        text NOT NULL,
  level       smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
  parent_code text COLLATE "C" REFERENCES divisions (code),
  child_count integer NOT NULL DEFAULT 0,
  source      text NOT NULL DEFAULT 'stats-2023'
);
CREATE INDEX divisions_parent ON divisions (parent_code);

-- 职能部门: government departments that handle hard cases, scoped to a region.
CREATE TABLE departments (
  code       text PRIMARY KEY CHECK (code ~ '^[a-z0-9_-]+$'),
  name       text NOT NULL,
  name_en    text NOT NULL,
  scope_code text COLLATE "C" NOT NULL REFERENCES divisions (code)
);

CREATE TABLE users (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind               text NOT NULL CHECK (kind IN ('staff', 'resident')),
  username           text UNIQUE,
  display_name       text NOT NULL,
  password_hash      text,
  phone_cipher       text,
  phone_index        text UNIQUE,
  phone_masked       text,
  home_division_code text COLLATE "C" REFERENCES divisions (code),
  totp_secret_cipher text,
  totp_enabled       boolean NOT NULL DEFAULT false,
  totp_last_step     bigint,
  is_demo            boolean NOT NULL DEFAULT false,
  disabled_at        timestamptz,
  created_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'staff' OR (username IS NOT NULL AND password_hash IS NOT NULL)),
  CHECK (kind <> 'resident' OR phone_index IS NOT NULL)
);

-- A role held at a node of the division tree; every read and action is limited to that subtree.
CREATE TABLE role_assignments (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id         uuid NOT NULL REFERENCES users (id),
  role            text NOT NULL,
  scope_code      text COLLATE "C" NOT NULL REFERENCES divisions (code),
  department_code text REFERENCES departments (code),
  granted_by      uuid REFERENCES users (id),
  granted_at      timestamptz NOT NULL DEFAULT now(),
  revoked_at      timestamptz,
  revoked_by      uuid REFERENCES users (id),
  CHECK ((role = 'department_handler') = (department_code IS NOT NULL))
);
CREATE INDEX role_assignments_user ON role_assignments (user_id) WHERE revoked_at IS NULL;
CREATE INDEX role_assignments_scope ON role_assignments (scope_code) WHERE revoked_at IS NULL;

-- Server-side sessions; the cookie holds a random token, the table only its SHA-256.
CREATE TABLE sessions (
  token_hash   text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES users (id),
  stage        text NOT NULL CHECK (stage IN ('active', 'totp', 'totp_enroll')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  ip           text,
  user_agent   text
);
CREATE INDEX sessions_user ON sessions (user_id) WHERE revoked_at IS NULL;

-- Failed sign-ins counted per principal (username or phone index) whether or not it exists,
-- so a locked unknown name looks exactly like a locked account.
CREATE TABLE sign_in_throttle (
  principal    text PRIMARY KEY,
  failures     integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_failure timestamptz
);

CREATE TABLE sms_codes (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  phone_index text NOT NULL,
  code_hash   text NOT NULL,
  purpose     text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  expires_at  timestamptz NOT NULL,
  consumed_at timestamptz,
  attempts    integer NOT NULL DEFAULT 0
);
CREATE INDEX sms_codes_phone ON sms_codes (phone_index, created_at DESC);

-- What the development SMS gateway "sent": visible to the system administrator.
CREATE TABLE sms_outbox (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  phone_masked text NOT NULL,
  phone_cipher text NOT NULL,
  body         text NOT NULL,
  gateway      text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);

-- 审计日志: append-only and hash-chained (SM3). The application role may only insert and read.
-- Rows are spread over 16 independent chains so concurrent writers rarely wait for one another;
-- each chain links its rows in id order and the verifier walks every chain.
CREATE TABLE audit_log (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  chain       smallint NOT NULL CHECK (chain BETWEEN 0 AND 15),
  at          timestamptz NOT NULL,
  actor_id    uuid,
  actor_label text,
  ip          text,
  action      text NOT NULL,
  entity_type text,
  entity_id   text,
  scope_code  text COLLATE "C",
  before      jsonb,
  after       jsonb,
  outcome     text NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')),
  prev_hash   text NOT NULL,
  hash        text NOT NULL UNIQUE
);
CREATE INDEX audit_log_chain ON audit_log (chain, id);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor ON audit_log (actor_id, at);
CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id);
-- Locks one chain until the transaction ends and returns its head (last hash), in one round trip.
CREATE FUNCTION audit_chain_head(p_chain smallint) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  head text;
BEGIN
  PERFORM pg_advisory_xact_lock(7201082, p_chain);
  SELECT hash INTO head FROM audit_log WHERE chain = p_chain ORDER BY id DESC LIMIT 1;
  RETURN COALESCE(head, repeat('0', 64));
END $$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION forbid_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION forbid_change();

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO cocreate_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO cocreate_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM cocreate_app;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM cocreate_app;
