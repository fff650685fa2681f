-- 评选 (issue #16): selections with nominations (自荐, 举荐 by an organisation or by residents), panel
-- scoring by criteria, one public vote per verified resident, a published ranking, 公示 with
-- objections, results. Scores, votes and rankings are kept so `cocreate selections recompute`
-- reproduces every published ranking from them.

CREATE TABLE selections (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind                  text NOT NULL,
  subject               text NOT NULL CHECK (subject IN ('person', 'party_org', 'division')),
  title                 text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  division_code         text COLLATE "C" NOT NULL REFERENCES divisions (code),
  quota                 integer NOT NULL CHECK (quota BETWEEN 1 AND 1000),
  party_member_required boolean NOT NULL DEFAULT false,
  endorsements_required integer NOT NULL CHECK (endorsements_required BETWEEN 1 AND 100),
  panel_weight          integer NOT NULL CHECK (panel_weight BETWEEN 0 AND 100), -- the vote weighs 100 - panel_weight
  trimmed_mean          boolean NOT NULL DEFAULT false,
  phase                 text NOT NULL DEFAULT 'nomination'
                        CHECK (phase IN ('nomination', 'eligibility', 'scoring', 'voting', 'publicity', 'results')),
  nomination_ends_at    timestamptz NOT NULL,
  voting_starts_at      timestamptz NOT NULL,
  voting_ends_at        timestamptz NOT NULL,
  publicity_days        integer NOT NULL DEFAULT 5 CHECK (publicity_days BETWEEN 0 AND 30),
  publicity_calendar    text NOT NULL DEFAULT 'working' CHECK (publicity_calendar IN ('working', 'calendar')),
  voting_closed_at      timestamptz,
  published_at          timestamptz,
  publicity_ends_at     timestamptz,
  results_at            timestamptz,
  ranking_revision      integer NOT NULL DEFAULT 0,
  created_by            uuid NOT NULL REFERENCES users (id),
  created_at            timestamptz NOT NULL,
  is_demo               boolean NOT NULL DEFAULT false,
  CHECK (voting_starts_at < voting_ends_at) -- the create check also wants nominations to close by the start
);
CREATE INDEX selections_division ON selections (division_code, created_at DESC);

-- Criteria with weights (percent, summing to 100) and score ranges.
CREATE TABLE selection_criteria (
  selection_id uuid NOT NULL REFERENCES selections (id),
  position     smallint NOT NULL CHECK (position BETWEEN 1 AND 20),
  name         text NOT NULL,
  weight       integer NOT NULL CHECK (weight BETWEEN 1 AND 100),
  min_score    integer NOT NULL,
  max_score    integer NOT NULL,
  PRIMARY KEY (selection_id, position),
  CHECK (min_score >= 0 AND max_score > min_score AND max_score <= 1000)
);

CREATE TABLE selection_panel (
  selection_id uuid NOT NULL REFERENCES selections (id),
  user_id      uuid NOT NULL REFERENCES users (id),
  PRIMARY KEY (selection_id, user_id)
);
CREATE INDEX selection_panel_user ON selection_panel (user_id);

-- A nominee is a registered person, a party organisation or a place; each at most once per selection.
CREATE TABLE selection_nominees (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  selection_id          uuid NOT NULL REFERENCES selections (id),
  resident_id           uuid REFERENCES residents (id),
  party_org_code        text COLLATE "C" REFERENCES party_orgs (code),
  subject_division_code text COLLATE "C" REFERENCES divisions (code),
  name                  text NOT NULL,
  place_code            text COLLATE "C" NOT NULL REFERENCES divisions (code),
  route                 text NOT NULL CHECK (route IN ('self', 'organisation', 'residents')),
  statement             text NOT NULL,
  evidence              text NOT NULL DEFAULT '',
  nominated_by          uuid NOT NULL REFERENCES users (id),
  org_name              text,
  status                text NOT NULL
                        CHECK (status IN ('proposed', 'nominated', 'eligible', 'ineligible', 'disqualified')),
  check_note            text,
  checked_by            uuid REFERENCES users (id),
  checked_at            timestamptz,
  created_at            timestamptz NOT NULL,
  CHECK (num_nonnulls(resident_id, party_org_code, subject_division_code) = 1),
  UNIQUE (selection_id, resident_id),
  UNIQUE (selection_id, party_org_code),
  UNIQUE (selection_id, subject_division_code)
);
CREATE INDEX selection_nominees_selection ON selection_nominees (selection_id, created_at, id);

-- 举荐 by residents: each verified resident of the area endorses a proposal once.
CREATE TABLE selection_endorsements (
  nominee_id  uuid NOT NULL REFERENCES selection_nominees (id),
  resident_id uuid NOT NULL REFERENCES residents (id),
  user_id     uuid NOT NULL REFERENCES users (id),
  at          timestamptz NOT NULL,
  PRIMARY KEY (nominee_id, resident_id)
);

-- Conflicts of interest declared by panel members: their scores of that nominee are refused and excluded.
CREATE TABLE selection_conflicts (
  nominee_id  uuid NOT NULL REFERENCES selection_nominees (id),
  user_id     uuid NOT NULL REFERENCES users (id),
  reason      text NOT NULL,
  declared_at timestamptz NOT NULL,
  PRIMARY KEY (nominee_id, user_id)
);

CREATE TABLE selection_scores (
  selection_id uuid NOT NULL,
  nominee_id   uuid NOT NULL REFERENCES selection_nominees (id),
  user_id      uuid NOT NULL REFERENCES users (id),
  criterion    smallint NOT NULL,
  score        integer NOT NULL,
  scored_at    timestamptz NOT NULL,
  PRIMARY KEY (nominee_id, user_id, criterion),
  FOREIGN KEY (selection_id, criterion) REFERENCES selection_criteria (selection_id, position),
  FOREIGN KEY (selection_id, user_id) REFERENCES selection_panel (selection_id, user_id)
);

-- The public vote: ONE row per verified resident (the register's person, whatever account they use) and selection.
CREATE TABLE selection_votes (
  selection_id      uuid NOT NULL REFERENCES selections (id),
  voter_resident_id uuid NOT NULL REFERENCES residents (id),
  nominee_id        uuid NOT NULL REFERENCES selection_nominees (id),
  village_code      text COLLATE "C" NOT NULL,
  channel           text NOT NULL CHECK (channel IN ('online', 'paper')),
  user_id           uuid REFERENCES users (id),
  entered_by        uuid REFERENCES users (id),
  confirmed_by      uuid REFERENCES users (id),
  cast_at           timestamptz NOT NULL,
  changes           integer NOT NULL DEFAULT 0,
  PRIMARY KEY (selection_id, voter_resident_id),
  CHECK ((channel = 'online') = (user_id IS NOT NULL)),
  CHECK ((channel = 'paper') = (entered_by IS NOT NULL)),
  CHECK (confirmed_by IS DISTINCT FROM entered_by OR confirmed_by IS NULL)
);
CREATE INDEX selection_votes_tally ON selection_votes (selection_id, nominee_id);

-- Every vote cast, changed, entered on paper or confirmed: the vote's audit trail (append-only),
-- and what the vote-buying signs read (many votes from one device or address in a short time).
CREATE TABLE selection_vote_events (
  id                bigserial PRIMARY KEY,
  selection_id      uuid NOT NULL,
  voter_resident_id uuid NOT NULL,
  nominee_id        uuid NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('cast', 'change', 'paper_entered', 'paper_confirmed')),
  user_id           uuid,
  ip                text,
  device            text,
  at                timestamptz NOT NULL
);
CREATE INDEX selection_vote_events_ip ON selection_vote_events (selection_id, ip, at) WHERE ip IS NOT NULL;
CREATE INDEX selection_vote_events_device ON selection_vote_events (selection_id, device, at) WHERE device IS NOT NULL;
CREATE TRIGGER selection_vote_events_append_only BEFORE UPDATE OR DELETE ON selection_vote_events
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- Each published ranking (revision 1 at 公示; a new revision when an upheld objection removes a nominee).
-- Scores are exact fractions ('numerator/denominator') so a recompute compares them exactly.
CREATE TABLE selection_rankings (
  selection_id uuid NOT NULL REFERENCES selections (id),
  revision     integer NOT NULL,
  position     integer NOT NULL,
  nominee_id   uuid NOT NULL REFERENCES selection_nominees (id),
  panel_score  text NOT NULL,
  votes        integer NOT NULL,
  combined     text NOT NULL,
  selected     boolean NOT NULL,
  published_at timestamptz NOT NULL,
  PRIMARY KEY (selection_id, revision, position)
);
CREATE TRIGGER selection_rankings_append_only BEFORE UPDATE OR DELETE ON selection_rankings
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

CREATE TABLE selection_objections (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  selection_id uuid NOT NULL REFERENCES selections (id),
  nominee_id   uuid REFERENCES selection_nominees (id),
  user_id      uuid NOT NULL REFERENCES users (id),
  reason       text NOT NULL,
  created_at   timestamptz NOT NULL,
  outcome      text CHECK (outcome IN ('dismissed', 'upheld')),
  answer       text,
  answered_by  uuid REFERENCES users (id),
  answered_at  timestamptz,
  CHECK ((outcome IS NULL) = (answered_at IS NULL))
);
CREATE INDEX selection_objections_selection ON selection_objections (selection_id, created_at DESC, id);

GRANT SELECT, INSERT, UPDATE ON selections, selection_nominees, selection_votes, selection_objections TO cocreate_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON selection_scores TO cocreate_app;
GRANT SELECT, INSERT ON selection_criteria, selection_panel, selection_endorsements, selection_conflicts,
  selection_vote_events, selection_rankings TO cocreate_app;
REVOKE UPDATE, DELETE, TRUNCATE ON selection_vote_events, selection_rankings FROM cocreate_app;
GRANT USAGE ON SEQUENCE selection_vote_events_id_seq TO cocreate_app;
