-- 村规民约 / 居民公约 and the councils (两会), issue #13 items 5 and 6: versioned covenants of a village or
-- community (numbered articles, optional chapters, structured limits on an article), adopted by citing a
-- 四议两公开 matter that passed its resolution step; councils with terms and members; the 红白理事会's
-- register of family events checked against the article in force.

CREATE TABLE covenants (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  division_code text COLLATE "C" NOT NULL UNIQUE REFERENCES divisions (code),
  kind          text NOT NULL CHECK (kind IN ('village', 'community')), -- 村规民约 / 居民公约
  title         text NOT NULL,
  created_by    uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL,
  is_demo       boolean NOT NULL DEFAULT false
);

-- A version is a draft until adopted; adopting puts it in force and supersedes the one before (dates kept).
CREATE TABLE covenant_versions (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  covenant_id    uuid NOT NULL REFERENCES covenants (id),
  seq            integer NOT NULL CHECK (seq > 0),
  label          text NOT NULL,
  state          text NOT NULL CHECK (state IN ('draft', 'in_force', 'superseded')),
  matter_id      uuid REFERENCES matters (id), -- the 四议两公开 matter whose resolution adopted it
  adoption_note  text NOT NULL DEFAULT '',
  adopted_on     date,
  superseded_on  date,
  created_by     uuid REFERENCES users (id),
  created_at     timestamptz NOT NULL,
  adopted_by     uuid REFERENCES users (id),
  is_demo        boolean NOT NULL DEFAULT false,
  UNIQUE (covenant_id, seq),
  CHECK ((state = 'draft') = (adopted_on IS NULL)),
  CHECK ((state = 'superseded') = (superseded_on IS NOT NULL))
);
CREATE UNIQUE INDEX covenant_versions_in_force ON covenant_versions (covenant_id) WHERE state = 'in_force';
CREATE UNIQUE INDEX covenant_versions_one_draft ON covenant_versions (covenant_id) WHERE state = 'draft';

-- 条: numbered 1..n within a version; limits (红白事: tables, days) as structured fields.
CREATE TABLE covenant_articles (
  version_id  uuid NOT NULL REFERENCES covenant_versions (id) ON DELETE CASCADE,
  number      integer NOT NULL CHECK (number > 0),
  chapter     text NOT NULL DEFAULT '',
  body        text NOT NULL,
  max_tables  integer CHECK (max_tables > 0),
  max_days    integer CHECK (max_days > 0),
  PRIMARY KEY (version_id, number)
);

-- 两会: 业委会, 小区自治委员会, 村民议事会, 红白理事会 of a place; terms (from/to) with members (主任/委员).
CREATE TABLE councils (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  division_code text COLLATE "C" NOT NULL REFERENCES divisions (code),
  kind          text NOT NULL CHECK (kind IN ('owners_committee', 'autonomy_committee', 'villagers_council', 'red_white_council')),
  name          text NOT NULL,
  created_at    timestamptz NOT NULL,
  is_demo       boolean NOT NULL DEFAULT false,
  UNIQUE (division_code, kind, name)
);
CREATE TABLE council_terms (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  council_id  uuid NOT NULL REFERENCES councils (id),
  starts_on   date NOT NULL,
  ends_on     date NOT NULL,
  created_at  timestamptz NOT NULL,
  CHECK (ends_on > starts_on)
);
CREATE INDEX council_terms_council ON council_terms (council_id, starts_on DESC);
CREATE TABLE council_members (
  term_id     uuid NOT NULL REFERENCES council_terms (id),
  resident_id uuid NOT NULL REFERENCES residents (id),
  role        text NOT NULL CHECK (role IN ('chair', 'member')),
  PRIMARY KEY (term_id, resident_id)
);

-- 红白事 register: recorded even over the limit, flagged with the article (version + number) it exceeds.
CREATE TABLE family_events (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  division_code   text COLLATE "C" NOT NULL REFERENCES divisions (code),
  family          text NOT NULL,
  kind            text NOT NULL CHECK (kind IN ('wedding', 'funeral', 'birthday', 'other')),
  held_on         date NOT NULL,
  tables          integer NOT NULL CHECK (tables >= 0),
  days            integer NOT NULL CHECK (days >= 1),
  cost_fen        bigint NOT NULL CHECK (cost_fen >= 0),
  note            text NOT NULL DEFAULT '',
  version_id      uuid,
  article_number  integer,
  over_tables     boolean NOT NULL DEFAULT false,
  over_days       boolean NOT NULL DEFAULT false,
  recorded_by     uuid REFERENCES users (id),
  recorded_at     timestamptz NOT NULL,
  is_demo         boolean NOT NULL DEFAULT false,
  FOREIGN KEY (version_id, article_number) REFERENCES covenant_articles (version_id, number)
);
CREATE INDEX family_events_division ON family_events (division_code, held_on DESC, id DESC);

GRANT SELECT, INSERT ON covenants, councils, council_terms, council_members, family_events TO cocreate_app;
GRANT SELECT, INSERT, UPDATE ON covenant_versions TO cocreate_app;
GRANT SELECT, INSERT, DELETE ON covenant_articles TO cocreate_app;
