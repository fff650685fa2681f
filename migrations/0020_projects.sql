-- Livelihood projects (民生实事, issue #14 item 6) and their supervision by resident representatives
-- (issue #13 item 7): a project per place with its budget in fen and funding sources (their sum is
-- the budget, checked in the writing transaction), milestones (weight, progress, due
-- date), the representatives chosen for it and their ratings, and photos. A visit's need may also
-- become a case: cases.source gains 'visit'.

CREATE TABLE projects (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  place_code  text COLLATE "C" NOT NULL REFERENCES divisions (code),
  title       text NOT NULL,
  description text NOT NULL DEFAULT '',
  budget_fen  bigint NOT NULL CHECK (budget_fen > 0),
  starts_on   date NOT NULL,
  due_on      date NOT NULL,
  done_at     timestamptz,
  created_by  uuid REFERENCES users (id),
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  is_demo     boolean NOT NULL DEFAULT false,
  CHECK (due_on >= starts_on)
);
CREATE INDEX projects_place ON projects (place_code, starts_on DESC, id);

CREATE TABLE project_funds (
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  position   integer NOT NULL CHECK (position >= 0),
  source     text NOT NULL CHECK (source IN ('central', 'province', 'county', 'town', 'collective', 'partner', 'social', 'residents')),
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  note       text,
  PRIMARY KEY (project_id, position)
);

CREATE TABLE project_milestones (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  position   integer NOT NULL CHECK (position >= 0),
  title      text NOT NULL,
  due_on     date NOT NULL,
  weight     integer NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 100),
  progress   integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  done_at    timestamptz,
  updated_at timestamptz NOT NULL,
  UNIQUE (project_id, position)
);

-- The representatives (村民代表) chosen to supervise a project.
CREATE TABLE project_supervisors (
  project_id  uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  resident_id uuid NOT NULL REFERENCES residents (id),
  chosen_by   uuid REFERENCES users (id),
  chosen_at   timestamptz NOT NULL,
  PRIMARY KEY (project_id, resident_id)
);

-- One rating per representative and project (a new rating replaces theirs).
CREATE TABLE project_ratings (
  project_id  uuid NOT NULL,
  resident_id uuid NOT NULL,
  user_id     uuid REFERENCES users (id), -- the resident account that rated (null: a rating in the demo seed)
  progress    smallint NOT NULL CHECK (progress BETWEEN 1 AND 5),
  quality     smallint NOT NULL CHECK (quality BETWEEN 1 AND 5),
  comment     text,
  rated_at    timestamptz NOT NULL,
  PRIMARY KEY (project_id, resident_id),
  FOREIGN KEY (project_id, resident_id) REFERENCES project_supervisors (project_id, resident_id) ON DELETE CASCADE
);

CREATE TABLE project_photos (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  project_id  uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  format      text NOT NULL CHECK (format IN ('jpeg', 'png', 'webp')),
  uploaded_by uuid REFERENCES users (id),
  uploaded_at timestamptz NOT NULL
);
CREATE INDEX project_photos_project ON project_photos (project_id, uploaded_at);

-- A need found on a 九必问 visit may be filed as a case on the resident's behalf.
ALTER TABLE cases DROP CONSTRAINT IF EXISTS cases_source_check;
ALTER TABLE cases ADD CONSTRAINT cases_source_check CHECK (source IN ('app', 'console', 'open311', 'phone', 'visit'));

-- Cases filed from a visit's needs (the visit record page links to them).
CREATE TABLE care_visit_cases (
  visit_id uuid NOT NULL REFERENCES care_visits (id),
  case_id  uuid NOT NULL REFERENCES cases (id),
  PRIMARY KEY (visit_id, case_id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON projects, project_funds, project_milestones, project_supervisors, project_ratings,
  project_photos TO cocreate_app;
GRANT SELECT, INSERT ON care_visit_cases TO cocreate_app;
