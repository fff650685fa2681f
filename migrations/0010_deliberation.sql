-- Deliberation (议事协商, issue #13): meetings with rosters from the registers, sign-in, motions and
-- tallies; 四议两公开 matters and their steps; the 村务公开 board; representatives and the two
-- committees' members; floor areas for 业主大会 (民法典 §278).

-- 专有部分面积 in dm² (0.01 m²): integers, so a double majority by area needs no floating point.
ALTER TABLE households ADD COLUMN floor_area_dm2 integer CHECK (floor_area_dm2 IS NULL OR floor_area_dm2 > 0);

-- 村民代表, 村民委员会成员, 村党组织委员: who sits in the representatives' meeting and the two committees.
CREATE TABLE body_members (
  village_code text COLLATE "C" NOT NULL REFERENCES divisions (code),
  body         text NOT NULL CHECK (body IN ('representatives', 'village_committee', 'party_committee')),
  resident_id  uuid NOT NULL REFERENCES residents (id),
  added_at     timestamptz NOT NULL DEFAULT now(),
  is_demo      boolean NOT NULL DEFAULT false,
  PRIMARY KEY (village_code, body, resident_id)
);

-- Procedural defaults per meeting type (the quorums themselves are the law's, in code): editable by county staff, audited.
CREATE TABLE meeting_type_rules (
  meeting_type    text PRIMARY KEY,
  notice_days     integer NOT NULL CHECK (notice_days BETWEEN 0 AND 60),
  proxies_allowed boolean NOT NULL,
  max_proxies     integer NOT NULL CHECK (max_proxies BETWEEN 0 AND 10),
  updated_by      uuid REFERENCES users (id),
  updated_at      timestamptz
);
INSERT INTO meeting_type_rules (meeting_type, notice_days, proxies_allowed, max_proxies) VALUES
  ('villagers', 5, false, 0),
  ('representatives', 3, false, 0),
  ('group', 3, false, 0),
  ('residents', 5, false, 0),
  ('party', 3, false, 0),
  ('owners', 15, true, 3),
  ('committees', 1, false, 0);

CREATE TABLE meetings (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  division_code text COLLATE "C" NOT NULL REFERENCES divisions (code),
  body_code     text COLLATE "C" NOT NULL,
  meeting_type  text NOT NULL REFERENCES meeting_type_rules (meeting_type),
  title         text NOT NULL,
  agenda        text NOT NULL,
  location      text NOT NULL DEFAULT '',
  noticed_at    timestamptz NOT NULL,
  starts_at     timestamptz NOT NULL,
  state         text NOT NULL CHECK (state IN ('noticed', 'open', 'closed', 'cancelled')),
  signin_code   text NOT NULL CHECK (signin_code ~ '^[0-9]{6}$'),
  minutes       text NOT NULL DEFAULT '',
  created_by    uuid REFERENCES users (id),
  closed_at     timestamptz,
  is_demo       boolean NOT NULL DEFAULT false
);
CREATE INDEX meetings_division ON meetings (division_code, starts_at DESC);
CREATE UNIQUE INDEX meetings_live_code ON meetings (signin_code) WHERE state IN ('noticed', 'open');

-- 应到名单, frozen from the registers when the meeting is noticed.
CREATE TABLE meeting_roster (
  meeting_id     uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  resident_id    uuid NOT NULL REFERENCES residents (id),
  household_code text COLLATE "C" NOT NULL,
  area_dm2       integer NOT NULL DEFAULT 0 CHECK (area_dm2 >= 0),
  voting         boolean NOT NULL DEFAULT true,
  woman          boolean NOT NULL DEFAULT false,
  representative boolean NOT NULL DEFAULT false,
  PRIMARY KEY (meeting_id, resident_id)
);

-- 签到: one row per person (the primary key makes a second sign-in a no-op, never a double count).
CREATE TABLE meeting_attendance (
  meeting_id      uuid NOT NULL,
  resident_id     uuid NOT NULL,
  via             text NOT NULL CHECK (via IN ('code', 'staff', 'proxy')),
  proxy_holder_id uuid REFERENCES residents (id),
  recorded_by     uuid REFERENCES users (id),
  signed_at       timestamptz NOT NULL,
  PRIMARY KEY (meeting_id, resident_id),
  FOREIGN KEY (meeting_id, resident_id) REFERENCES meeting_roster (meeting_id, resident_id) ON DELETE CASCADE,
  CHECK ((via = 'proxy') = (proxy_holder_id IS NOT NULL))
);
CREATE INDEX meeting_attendance_holder ON meeting_attendance (meeting_id, proxy_holder_id) WHERE proxy_holder_id IS NOT NULL;

-- 议题 and its tally; the turnout when the tally was entered is kept with it.
CREATE TABLE motions (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  meeting_id     uuid NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  seq            integer NOT NULL,
  title          text NOT NULL,
  kind           text NOT NULL CHECK (kind IN ('ordinary', 'major', 'election')),
  method         text NOT NULL CHECK (method IN ('hands', 'paper')),
  state          text NOT NULL CHECK (state IN ('open', 'entered', 'decided')),
  yes            integer CHECK (yes >= 0),
  no             integer CHECK (no >= 0),
  abstain        integer CHECK (abstain >= 0),
  yes_area       bigint CHECK (yes_area >= 0),
  no_area        bigint CHECK (no_area >= 0),
  abstain_area   bigint CHECK (abstain_area >= 0),
  turnout        jsonb,
  passed         boolean,
  entered_by     uuid REFERENCES users (id),
  entered_at     timestamptz,
  confirmed_by   uuid REFERENCES users (id),
  confirmed_at   timestamptz,
  UNIQUE (meeting_id, seq),
  CHECK (confirmed_by IS NULL OR method = 'hands' OR confirmed_by <> entered_by)
);

-- 四议两公开 matters and their steps (append-only history).
CREATE TABLE matters (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  division_code text COLLATE "C" NOT NULL REFERENCES divisions (code),
  title         text NOT NULL,
  summary       text NOT NULL,
  decision_body text NOT NULL CHECK (decision_body IN ('villagers', 'representatives')),
  state         text NOT NULL,
  proposed_by   uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  is_demo       boolean NOT NULL DEFAULT false
);
CREATE INDEX matters_division ON matters (division_code, created_at DESC);

CREATE TABLE disclosures (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  division_code text COLLATE "C" NOT NULL REFERENCES divisions (code),
  category      text NOT NULL CHECK (category IN ('affairs', 'finance', 'major', 'resolution', 'result')),
  title         text NOT NULL,
  body          text NOT NULL,
  matter_id     uuid REFERENCES matters (id),
  published_by  uuid REFERENCES users (id),
  published_at  timestamptz NOT NULL,
  is_demo       boolean NOT NULL DEFAULT false
);
CREATE INDEX disclosures_division ON disclosures (division_code, published_at DESC);
CREATE UNIQUE INDEX disclosures_matter ON disclosures (matter_id, category) WHERE matter_id IS NOT NULL;

CREATE TABLE matter_steps (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  matter_id     uuid NOT NULL REFERENCES matters (id),
  seq           integer NOT NULL,
  event         text NOT NULL,
  outcome       text NOT NULL CHECK (outcome IN ('proposed', 'passed', 'returned', 'rejected', 'done')),
  from_state    text,
  to_state      text NOT NULL,
  motion_id     uuid UNIQUE REFERENCES motions (id),
  disclosure_id uuid REFERENCES disclosures (id),
  note          text NOT NULL DEFAULT '',
  recorded_by   uuid REFERENCES users (id),
  recorded_at   timestamptz NOT NULL,
  UNIQUE (matter_id, seq)
);
CREATE TRIGGER matter_steps_append_only BEFORE UPDATE OR DELETE ON matter_steps FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- 共谋: proposals from residents, party members, the branch or the committees; one support per resident record.
CREATE TABLE proposals (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  division_code text COLLATE "C" NOT NULL REFERENCES divisions (code),
  source        text NOT NULL CHECK (source IN ('resident', 'party_member', 'branch', 'committee')),
  title         text NOT NULL,
  body          text NOT NULL,
  author_id     uuid NOT NULL REFERENCES users (id),
  state         text NOT NULL CHECK (state IN ('open', 'answered', 'adopted', 'declined')),
  answer        text,
  answered_by   uuid REFERENCES users (id),
  answered_at   timestamptz,
  created_at    timestamptz NOT NULL,
  is_demo       boolean NOT NULL DEFAULT false
);
CREATE INDEX proposals_division ON proposals (division_code, created_at DESC);
CREATE TABLE proposal_supports (
  proposal_id uuid NOT NULL REFERENCES proposals (id),
  resident_id uuid NOT NULL REFERENCES residents (id),
  user_id     uuid NOT NULL REFERENCES users (id),
  created_at  timestamptz NOT NULL,
  PRIMARY KEY (proposal_id, resident_id)
);
CREATE TABLE proposal_comments (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  proposal_id uuid NOT NULL REFERENCES proposals (id),
  user_id     uuid NOT NULL REFERENCES users (id),
  author      text NOT NULL,
  body        text NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX proposal_comments_proposal ON proposal_comments (proposal_id, created_at);

GRANT SELECT, INSERT, UPDATE ON proposals TO cocreate_app;
GRANT SELECT, INSERT ON proposal_supports, proposal_comments TO cocreate_app;
GRANT SELECT, INSERT, DELETE ON body_members TO cocreate_app;
GRANT SELECT, UPDATE ON meeting_type_rules TO cocreate_app;
GRANT SELECT, INSERT, UPDATE ON meetings, motions, matters TO cocreate_app;
GRANT SELECT, INSERT ON meeting_roster, meeting_attendance, matter_steps, disclosures TO cocreate_app;
