-- Woodpecker reports and the case loop: categories (GB/T 47678.5-2026 plus local ones), cases,
-- their append-only timeline, photos, followers, notifications, Open311 clients and the
-- transactional outbox that carries notifications and the "report filed" event to points.

-- 问题类别: national 5-digit codes (component = its 异常 problem category; event) and local codes
-- L + 4 digits. Major classes are rows too (2 digits) so the tree is one table.
CREATE TABLE categories (
  code           text COLLATE "C" PRIMARY KEY CHECK (code ~ '^([0-9]{2}|[0-9]{5}|L[0-9]{4}|LM[0-9])$'),
  parent_code    text COLLATE "C" REFERENCES categories (code),
  kind           text NOT NULL CHECK (kind IN ('major', 'component', 'event', 'local')),
  name           text NOT NULL,
  name_en        text,
  synonyms       text[] NOT NULL DEFAULT '{}',
  default_tier   text NOT NULL DEFAULT 'department' CHECK (default_tier IN ('grid', 'village', 'department')),
  department_key text,
  time_limits    jsonb NOT NULL,
  extra_fields   jsonb NOT NULL DEFAULT '[]',
  is_public      boolean NOT NULL DEFAULT true,
  active         boolean NOT NULL DEFAULT true,
  source         text NOT NULL DEFAULT 'GB/T 47678.5-2026'
);
CREATE INDEX categories_parent ON categories (parent_code);

CREATE SEQUENCE case_number_seq;

CREATE TABLE cases (
  id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number               text NOT NULL UNIQUE,
  title                text NOT NULL,
  description          text NOT NULL,
  category_code        text COLLATE "C" NOT NULL REFERENCES categories (code),
  category_confirmed   boolean NOT NULL DEFAULT false,
  extra                jsonb NOT NULL DEFAULT '{}',
  urgency              text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent', 'critical')),
  lng                  double precision NOT NULL,
  lat                  double precision NOT NULL,
  address              text,
  grid_code            text COLLATE "C" REFERENCES divisions (code),
  division_code        text COLLATE "C" NOT NULL REFERENCES divisions (code),
  tier                 text NOT NULL CHECK (tier IN ('grid', 'village', 'department')),
  state                text NOT NULL,
  handler_user_id      uuid REFERENCES users (id),
  handler_department   text REFERENCES departments (code),
  reporter_id          uuid REFERENCES users (id),
  reporter_name        text,
  reporter_contact     text,
  entered_by           uuid REFERENCES users (id),
  anonymous            boolean NOT NULL DEFAULT false,
  source               text NOT NULL CHECK (source IN ('app', 'console', 'open311', 'phone')),
  open311_client_id    uuid,
  is_public            boolean NOT NULL DEFAULT true,
  idempotency_key      text,
  rule_trace           jsonb NOT NULL DEFAULT '[]',
  received_at          timestamptz NOT NULL,
  responded_at         timestamptz,
  response_due_at      timestamptz NOT NULL,
  filed_at             timestamptz,
  dispatched_at        timestamptz,
  handle_due_at        timestamptz,
  feedback_at          timestamptz,
  closed_at            timestamptz,
  closed_on_time       boolean,
  rework_count         integer NOT NULL DEFAULT 0,
  suspension_requested boolean NOT NULL DEFAULT false,
  suspended            boolean NOT NULL DEFAULT false,
  ever_suspended       boolean NOT NULL DEFAULT false,
  supervised           boolean NOT NULL DEFAULT false,
  supervision_due_at   timestamptz,
  due_soon_reminded    boolean NOT NULL DEFAULT false,
  overdue_reminded     boolean NOT NULL DEFAULT false,
  rating               smallint CHECK (rating BETWEEN 1 AND 5),
  rating_comment       text,
  rated_at             timestamptz,
  rejection            jsonb,
  duplicate_of         uuid REFERENCES cases (id),
  is_demo              boolean NOT NULL DEFAULT false,
  updated_at           timestamptz NOT NULL,
  UNIQUE (reporter_id, idempotency_key)
);
CREATE INDEX cases_division ON cases (division_code, state);
CREATE INDEX cases_grid ON cases (grid_code);
CREATE INDEX cases_state_due ON cases (state, handle_due_at);
CREATE INDEX cases_handler ON cases (handler_user_id) WHERE handler_user_id IS NOT NULL;
CREATE INDEX cases_department ON cases (handler_department) WHERE handler_department IS NOT NULL;
CREATE INDEX cases_reporter ON cases (reporter_id, received_at);
CREATE INDEX cases_entered_by ON cases (entered_by, received_at) WHERE entered_by IS NOT NULL;
CREATE INDEX cases_category_open ON cases (category_code, received_at);

-- The timeline: every transition and note, append-only.
CREATE TABLE case_events (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  case_id     uuid NOT NULL REFERENCES cases (id),
  at          timestamptz NOT NULL,
  actor_id    uuid REFERENCES users (id),
  actor_label text,
  type        text NOT NULL,
  from_state  text,
  to_state    text,
  note        text,
  data        jsonb NOT NULL DEFAULT '{}',
  is_public   boolean NOT NULL DEFAULT true
);
CREATE INDEX case_events_case ON case_events (case_id, id);
CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events FOR EACH ROW EXECUTE FUNCTION forbid_change();

CREATE TABLE case_photos (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id         uuid NOT NULL REFERENCES cases (id),
  event_id        bigint REFERENCES case_events (id),
  stage           text NOT NULL CHECK (stage IN ('report', 'progress', 'feedback')),
  original_path   text NOT NULL,
  public_path     text NOT NULL,
  mime            text NOT NULL,
  width           integer NOT NULL,
  height          integer NOT NULL,
  bytes           integer NOT NULL,
  public_approved boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL
);
CREATE INDEX case_photos_case ON case_photos (case_id);

CREATE TABLE case_followers (
  case_id    uuid NOT NULL REFERENCES cases (id),
  user_id    uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (case_id, user_id)
);

-- Transactional outbox: written in the same transaction as the change, delivered after commit by
-- a worker that claims rows with SKIP LOCKED; delivery is idempotent by (topic, id).
CREATE TABLE outbox (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  topic        text NOT NULL,
  payload      jsonb NOT NULL,
  created_at   timestamptz NOT NULL,
  available_at timestamptz NOT NULL,
  processed_at timestamptz,
  attempts     integer NOT NULL DEFAULT 0,
  last_error   text
);
CREATE INDEX outbox_pending ON outbox (available_at) WHERE processed_at IS NULL;

CREATE TABLE notifications (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES users (id),
  outbox_id  bigint NOT NULL,
  case_id    uuid REFERENCES cases (id),
  title      text NOT NULL,
  body       text NOT NULL,
  created_at timestamptz NOT NULL,
  read_at    timestamptz,
  UNIQUE (outbox_id, user_id)
);
CREATE INDEX notifications_user ON notifications (user_id, id DESC);

CREATE TABLE open311_clients (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name         text NOT NULL,
  api_key_hash text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz
);

GRANT SELECT, INSERT, UPDATE, DELETE ON categories, cases, case_photos, case_followers, outbox, notifications, open311_clients TO cocreate_app;
GRANT SELECT, INSERT ON case_events TO cocreate_app;
REVOKE UPDATE, DELETE, TRUNCATE ON case_events FROM cocreate_app;
GRANT USAGE ON case_number_seq TO cocreate_app;
