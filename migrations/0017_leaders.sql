-- 头雁领航 (#16): village and community leadership records for the organisation department — 两委
-- members with posts and terms, training, the six teams, tiered management of secretaries, reserve
-- cadres' development plans, the 双提升 plan, 擂台赛 contests and the 宣讲团's talks. Read only by
-- org_officer (组织部门干部) within scope (leaders.policy.ts); every read of a person is audited.

-- A person on the records: linked to the register (residents) where one exists, else by name.
-- The phone of an unlinked person is encrypted (SM4) and shown masked; a linked one shows the register's.
CREATE TABLE leader_people (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  village_code  text COLLATE "C" NOT NULL REFERENCES divisions (code),
  resident_id   uuid UNIQUE REFERENCES residents (id),
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  gender        char(1) CHECK (gender IN ('M', 'F')),
  birth_date    date,
  phone_cipher  text,
  phone_masked  text,
  education     text NOT NULL CHECK (education IN ('primary', 'junior', 'senior', 'vocational', 'college', 'bachelor', 'master')),
  -- 六支队伍: the teams the person counts in
  teams         text[] NOT NULL DEFAULT '{}'
                CHECK (teams <@ ARRAY['secretary', 'committee', 'unposted_member', 'reserve', 'rural_talent', 'resident_team']::text[]),
  mentor        text CHECK (length(mentor) <= 40),
  created_at    timestamptz NOT NULL,
  is_demo       boolean NOT NULL DEFAULT false
);
CREATE INDEX leader_people_village ON leader_people (village_code, id);

-- 两委 posts: the party organisation's or the village/residents' committee's, with the term.
CREATE TABLE leader_posts (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id   uuid NOT NULL REFERENCES leader_people (id),
  body        text NOT NULL CHECK (body IN ('party', 'committee')),
  post        text NOT NULL CHECK (post IN ('secretary', 'deputy_secretary', 'director', 'deputy_director', 'member')),
  term_start  date NOT NULL,
  term_end    date NOT NULL,
  CHECK (term_end >= term_start)
);
CREATE INDEX leader_posts_person ON leader_posts (person_id);

CREATE TABLE leader_trainings (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id   uuid NOT NULL REFERENCES leader_people (id),
  course      text NOT NULL,
  hours       integer NOT NULL CHECK (hours BETWEEN 1 AND 2000),
  trained_on  date NOT NULL
);
CREATE INDEX leader_trainings_person ON leader_trainings (person_id, trained_on);

-- 正向/负向提级管理 of a secretary: a period, a review date inside it, the review's outcome.
CREATE TABLE leader_tiers (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id     uuid NOT NULL REFERENCES leader_people (id),
  village_code  text COLLATE "C" NOT NULL,
  direction     text NOT NULL CHECK (direction IN ('positive', 'negative')),
  tier          text NOT NULL CHECK (tier IN ('town', 'county')),
  reason        text NOT NULL,
  period_start  date NOT NULL,
  period_end    date NOT NULL,
  review_on     date NOT NULL,
  outcome       text CHECK (outcome IN ('continue', 'lift', 'escalate', 'end')),
  outcome_note  text,
  reviewed_at   timestamptz,
  reviewed_by   uuid REFERENCES users (id),
  CHECK (period_end >= period_start AND review_on >= period_start),
  CHECK ((outcome IS NULL) = (reviewed_at IS NULL))
);
CREATE INDEX leader_tiers_due ON leader_tiers (review_on, id) WHERE outcome IS NULL;
CREATE INDEX leader_tiers_person ON leader_tiers (person_id);

-- A reserve cadre's development plan: goals with due dates and progress (0–100).
CREATE TABLE leader_goals (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id  uuid NOT NULL REFERENCES leader_people (id),
  goal       text NOT NULL,
  due_on     date NOT NULL,
  progress   smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100)
);
CREATE INDEX leader_goals_person ON leader_goals (person_id);

-- 双提升: per person, the education (学历) and the ability (能力) target and its progress.
CREATE TABLE leader_upgrades (
  person_id  uuid NOT NULL REFERENCES leader_people (id),
  kind       text NOT NULL CHECK (kind IN ('education', 'ability')),
  target     text NOT NULL,
  progress   smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  PRIMARY KEY (person_id, kind)
);

-- 擂台赛: criteria with integer ranges, entrants (villages or secretaries), one score per judge,
-- entrant and criterion (a judge scores an entrant once: the primary key).
CREATE TABLE leader_contests (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  scope_code    text COLLATE "C" NOT NULL REFERENCES divisions (code),
  title         text NOT NULL,
  held_on       date NOT NULL,
  entrant_kind  text NOT NULL CHECK (entrant_kind IN ('village', 'secretary')),
  created_by    uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL,
  is_demo       boolean NOT NULL DEFAULT false
);
CREATE INDEX leader_contests_scope ON leader_contests (scope_code, held_on, id);

CREATE TABLE leader_contest_criteria (
  contest_id  uuid NOT NULL REFERENCES leader_contests (id),
  position    smallint NOT NULL,
  name        text NOT NULL,
  min_score   integer NOT NULL,
  max_score   integer NOT NULL,
  PRIMARY KEY (contest_id, position),
  CHECK (max_score > min_score)
);

CREATE TABLE leader_contest_entrants (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  contest_id    uuid NOT NULL REFERENCES leader_contests (id),
  name          text NOT NULL,
  village_code  text COLLATE "C" REFERENCES divisions (code),
  person_id     uuid REFERENCES leader_people (id)
);
CREATE INDEX leader_contest_entrants_contest ON leader_contest_entrants (contest_id);

CREATE TABLE leader_contest_scores (
  entrant_id  uuid NOT NULL REFERENCES leader_contest_entrants (id),
  judge_id    uuid NOT NULL REFERENCES users (id),
  position    smallint NOT NULL,
  contest_id  uuid NOT NULL REFERENCES leader_contests (id),
  score       integer NOT NULL,
  scored_at   timestamptz NOT NULL,
  PRIMARY KEY (entrant_id, judge_id, position)
);
CREATE INDEX leader_contest_scores_contest ON leader_contest_scores (contest_id);

-- 宣讲团: talks given.
CREATE TABLE leader_talks (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  scope_code  text COLLATE "C" NOT NULL REFERENCES divisions (code),
  speaker     text NOT NULL,
  topic       text NOT NULL,
  place       text NOT NULL,
  held_on     date NOT NULL,
  audience    integer NOT NULL CHECK (audience BETWEEN 0 AND 100000),
  created_by  uuid REFERENCES users (id),
  created_at  timestamptz NOT NULL,
  is_demo     boolean NOT NULL DEFAULT false
);
CREATE INDEX leader_talks_scope ON leader_talks (scope_code, held_on, id);

GRANT SELECT, INSERT, UPDATE ON leader_people, leader_posts, leader_trainings, leader_tiers, leader_goals,
  leader_upgrades, leader_contests, leader_contest_criteria, leader_contest_entrants, leader_contest_scores,
  leader_talks TO cocreate_app;
