-- Serving people (双帮双促双服务, issue #14 items 1–3 and 7): partner units (共驻共建单位), their
-- embedded cadres (在职党员到社区报到) and work groups; service activities with sign-up, a waiting
-- list, check-in/out at the place and confirmed hours; red proxy errands (红色代办) on the county's
-- item list; each community's signature service (一社一品).

CREATE TABLE service_units (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code        text COLLATE "C" NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9_-]{1,40}$'),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  kind        text NOT NULL CHECK (kind IN ('organ', 'enterprise', 'two_new')),
  scope_code  text COLLATE "C" NOT NULL REFERENCES divisions (code),
  contact     text NOT NULL DEFAULT '',
  is_demo     boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX service_units_scope ON service_units (scope_code, name);

-- 专职工作组 and the villages they are sent to.
CREATE TABLE service_work_groups (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id    uuid NOT NULL REFERENCES service_units (id),
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  leader     text NOT NULL DEFAULT '',
  villages   text[] NOT NULL DEFAULT '{}',
  is_demo    boolean NOT NULL DEFAULT false,
  UNIQUE (unit_id, name)
);

-- 下沉干部: a unit's cadre reporting to a community (and grid) since a date; phone encrypted.
-- The cadre's account is the one signing in with the same phone (same blind index as users').
CREATE TABLE service_cadres (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id        uuid NOT NULL REFERENCES service_units (id),
  name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  phone_cipher   text NOT NULL,
  phone_index    text NOT NULL UNIQUE,
  phone_masked   text NOT NULL,
  community_code text COLLATE "C" NOT NULL REFERENCES divisions (code),
  grid_code      text COLLATE "C" REFERENCES divisions (code),
  since          date NOT NULL,
  work_group_id  uuid REFERENCES service_work_groups (id),
  is_demo        boolean NOT NULL DEFAULT false,
  CHECK (grid_code IS NULL OR left(grid_code, 12) = community_code)
);
CREATE INDEX service_cadres_unit ON service_cadres (unit_id);
CREATE INDEX service_cadres_community ON service_cadres (community_code);

CREATE SEQUENCE service_signup_seq;

CREATE TABLE service_activities (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title          text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  kind           text NOT NULL,
  description    text NOT NULL DEFAULT '',
  division_code  text COLLATE "C" NOT NULL REFERENCES divisions (code),
  organiser_kind text NOT NULL CHECK (organiser_kind IN ('community', 'unit', 'branch')),
  unit_id        uuid REFERENCES service_units (id),
  party_org_code text COLLATE "C" REFERENCES party_orgs (code),
  place          text NOT NULL,
  lng            double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  lat            double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  radius_m       integer NOT NULL CHECK (radius_m BETWEEN 20 AND 5000),
  starts_at      timestamptz NOT NULL,
  ends_at        timestamptz NOT NULL,
  capacity       integer NOT NULL CHECK (capacity BETWEEN 1 AND 10000),
  enrolled       integer NOT NULL DEFAULT 0,
  audience       text NOT NULL CHECK (audience IN ('everyone', 'residents_here', 'party_members', 'cadres')),
  checkin_code   text NOT NULL CHECK (checkin_code ~ '^[0-9]{6}$'),
  state          text NOT NULL CHECK (state IN ('published', 'cancelled')),
  created_by     uuid REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  is_demo        boolean NOT NULL DEFAULT false,
  CHECK (ends_at > starts_at),
  -- never over capacity, whoever writes
  CHECK (enrolled BETWEEN 0 AND capacity),
  CHECK ((organiser_kind = 'unit') = (unit_id IS NOT NULL)),
  CHECK ((organiser_kind = 'branch') = (party_org_code IS NOT NULL))
);
CREATE INDEX service_activities_place ON service_activities (division_code, starts_at);
CREATE INDEX service_activities_time ON service_activities (starts_at, id);
CREATE INDEX service_activities_unit ON service_activities (unit_id) WHERE unit_id IS NOT NULL;

CREATE TABLE service_signups (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  activity_id    uuid NOT NULL REFERENCES service_activities (id),
  user_id        uuid NOT NULL REFERENCES users (id),
  state          text NOT NULL CHECK (state IN ('enrolled', 'waiting', 'cancelled')),
  position       bigint NOT NULL DEFAULT nextval('service_signup_seq'),
  created_at     timestamptz NOT NULL,
  cancelled_at   timestamptz,
  checked_in_at  timestamptz,
  checkin_lng    double precision,
  checkin_lat    double precision,
  checkin_by     uuid REFERENCES users (id),
  checked_out_at timestamptz,
  checkout_lng   double precision,
  checkout_lat   double precision,
  checkout_by    uuid REFERENCES users (id),
  hours          numeric(6, 2) CHECK (hours IS NULL OR hours >= 0),
  confirmed_at   timestamptz,
  confirmed_by   uuid REFERENCES users (id),
  points_award   uuid,
  -- wrong check-in codes sent for this sign-up: locked at 5 (a 6-digit code is not guessed)
  code_failures  integer NOT NULL DEFAULT 0,
  UNIQUE (activity_id, user_id),
  CHECK (checked_out_at IS NULL OR checked_in_at IS NOT NULL),
  CHECK ((confirmed_at IS NULL) = (hours IS NULL)),
  CHECK (confirmed_by IS NULL OR confirmed_by <> user_id)
);
CREATE INDEX service_signups_queue ON service_signups (activity_id, state, position);
CREATE INDEX service_signups_user ON service_signups (user_id, created_at DESC);

-- 红色代办: the county's government-service item list.
CREATE TABLE errand_items (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code     text COLLATE "C" NOT NULL REFERENCES divisions (code),
  code            text COLLATE "C" NOT NULL CHECK (code ~ '^[A-Za-z0-9_-]{1,40}$'),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  kind            text NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
  documents       jsonb NOT NULL DEFAULT '[]',
  time_limit_days integer NOT NULL CHECK (time_limit_days BETWEEN 1 AND 60),
  active          boolean NOT NULL DEFAULT true,
  is_demo         boolean NOT NULL DEFAULT false,
  UNIQUE (county_code, code)
);

CREATE SEQUENCE errand_number_seq;

CREATE TABLE errands (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number           text NOT NULL UNIQUE,
  item_id          uuid NOT NULL REFERENCES errand_items (id),
  division_code    text COLLATE "C" NOT NULL REFERENCES divisions (code),
  requester_id     uuid NOT NULL REFERENCES users (id),
  filed_by         uuid REFERENCES users (id),
  on_behalf_reason text,
  details_cipher   text NOT NULL,
  state            text NOT NULL CHECK (state IN ('requested', 'assigned', 'accepted', 'done', 'failed', 'cancelled')),
  handler_id       uuid REFERENCES users (id),
  assigned_by      uuid REFERENCES users (id),
  assigned_at      timestamptz,
  accepted_at      timestamptz,
  due_at           timestamptz,
  finished_at      timestamptz,
  outcome          text,
  rating           smallint CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
  rating_comment   text,
  rated_at         timestamptz,
  thanks           text CHECK (thanks IS NULL OR thanks IN ('banner', 'praise')),
  thanked_at       timestamptz,
  created_at       timestamptz NOT NULL,
  is_demo          boolean NOT NULL DEFAULT false,
  CHECK ((filed_by IS NULL) = (on_behalf_reason IS NULL)),
  CHECK (state NOT IN ('assigned', 'accepted', 'done', 'failed') OR handler_id IS NOT NULL),
  CHECK (rating IS NULL OR state = 'done'),
  CHECK (thanks IS NULL OR rating IS NOT NULL),
  CHECK (handler_id IS NULL OR handler_id <> requester_id)
);
CREATE INDEX errands_place ON errands (division_code, created_at DESC);
CREATE INDEX errands_requester ON errands (requester_id, created_at DESC);
CREATE INDEX errands_handler ON errands (handler_id, created_at DESC) WHERE handler_id IS NOT NULL;

CREATE TABLE errand_events (
  id          bigserial PRIMARY KEY,
  errand_id   uuid NOT NULL REFERENCES errands (id),
  at          timestamptz NOT NULL,
  actor_id    uuid REFERENCES users (id),
  kind        text NOT NULL,
  note_cipher text
);
CREATE INDEX errand_events_errand ON errand_events (errand_id, id);

-- 一社一品: one signature service per village or community.
CREATE TABLE signature_services (
  division_code text COLLATE "C" PRIMARY KEY REFERENCES divisions (code),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  description   text NOT NULL DEFAULT '',
  updated_at    timestamptz NOT NULL,
  updated_by    uuid REFERENCES users (id),
  is_demo       boolean NOT NULL DEFAULT false
);

GRANT SELECT, INSERT, UPDATE ON service_units, service_work_groups, service_cadres, service_activities,
  service_signups, errand_items, errands, signature_services TO cocreate_app;
GRANT SELECT, INSERT ON errand_events TO cocreate_app;
GRANT USAGE, SELECT ON service_signup_seq, errand_number_seq, errand_events_id_seq TO cocreate_app;
