-- 九必问 visits to people in special difficulty (care) and the three lists — problems, tasks,
-- effects (worklists) — that visits, cases, meetings and proposals feed.

-- Per county: the visit schedule of each risk tier, the categories of difficulty and the nine
-- questions (the county edits them; defaults live in care/care.domain.ts).
CREATE TABLE care_settings (
  county_code text COLLATE "C" PRIMARY KEY REFERENCES divisions (code),
  schedule    jsonb NOT NULL,
  categories  jsonb NOT NULL,
  questions   jsonb NOT NULL,
  updated_by  uuid REFERENCES users (id),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- 特殊困难群体台账: one row per resident in special difficulty. Read only by the assigned grid
-- worker and the officers named in care.policy.ts; every read is audited.
CREATE TABLE care_persons (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  resident_id    uuid NOT NULL UNIQUE REFERENCES residents (id),
  grid_code      text COLLATE "C" NOT NULL REFERENCES divisions (code),
  categories     text[] NOT NULL CHECK (cardinality(categories) BETWEEN 1 AND 12),
  tier           text NOT NULL CHECK (tier IN ('high', 'key', 'general')),
  worker_id      uuid NOT NULL REFERENCES users (id),
  -- separate consent (本人或监护人同意) to keep the record and to be visited
  consent_by     text NOT NULL CHECK (consent_by IN ('self', 'guardian')),
  consent_on     date NOT NULL,
  consent_note   text,
  note           text,
  registered_by  uuid REFERENCES users (id),
  registered_at  timestamptz NOT NULL,
  archived_at    timestamptz,
  is_demo        boolean NOT NULL DEFAULT false
);
CREATE INDEX care_persons_grid ON care_persons (grid_code, id);
CREATE INDEX care_persons_worker ON care_persons (worker_id);

-- Visit obligations: each active person has exactly one open row (the next visit). A visit closes
-- it as met and opens the next; a reported change or a tier change closes it as superseded.
CREATE TABLE care_dues (
  id         bigserial PRIMARY KEY,
  person_id  uuid NOT NULL REFERENCES care_persons (id),
  grid_code  text COLLATE "C" NOT NULL,
  worker_id  uuid NOT NULL REFERENCES users (id),
  tier       text NOT NULL CHECK (tier IN ('high', 'key', 'general')),
  reason     text NOT NULL CHECK (reason IN ('registered', 'visited', 'change_reported', 'tier_changed')),
  opened_at  timestamptz NOT NULL,
  due_at     timestamptz NOT NULL,
  closed_at  timestamptz,
  outcome    text CHECK (outcome IN ('met', 'superseded')),
  visit_id   uuid,
  CHECK ((closed_at IS NULL) = (outcome IS NULL))
);
CREATE UNIQUE INDEX care_dues_one_open ON care_dues (person_id) WHERE closed_at IS NULL;
CREATE INDEX care_dues_worker_open ON care_dues (worker_id, due_at, id) WHERE closed_at IS NULL;
-- the monthly rate reads three disjoint sets: due in the month, open from before it, met in it
CREATE INDEX care_dues_due ON care_dues (due_at) INCLUDE (grid_code, closed_at, outcome);
CREATE INDEX care_dues_open_due ON care_dues (due_at) INCLUDE (grid_code) WHERE closed_at IS NULL;
CREATE INDEX care_dues_closed ON care_dues (closed_at) INCLUDE (due_at, grid_code, outcome) WHERE closed_at IS NOT NULL;

CREATE TABLE care_visits (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_id   uuid NOT NULL REFERENCES care_persons (id),
  grid_code   text COLLATE "C" NOT NULL,
  worker_id   uuid NOT NULL REFERENCES users (id),
  visited_at  timestamptz NOT NULL,
  answers     jsonb NOT NULL,
  summary     text,
  created_at  timestamptz NOT NULL
);
CREATE INDEX care_visits_person ON care_visits (person_id, visited_at DESC);

-- 三个清单: 问题清单 → 任务清单 → 效果清单.
CREATE TABLE worklist_problems (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  village_code  text COLLATE "C" NOT NULL REFERENCES divisions (code),
  unit_ref      text,
  source        text NOT NULL CHECK (source IN ('visit', 'case', 'meeting', 'proposal', 'circle_gap', 'manual')),
  source_ref    text,
  title         text NOT NULL,
  description   text NOT NULL,
  subject       text,
  raised_by     uuid REFERENCES users (id),
  state         text NOT NULL CHECK (state IN ('open', 'effect_recorded', 'closed')),
  created_by    uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL,
  closed_at     timestamptz,
  is_demo       boolean NOT NULL DEFAULT false
);
CREATE INDEX worklist_problems_village ON worklist_problems (village_code, created_at DESC, id);
CREATE INDEX worklist_problems_unit ON worklist_problems (unit_ref) WHERE unit_ref IS NOT NULL;
CREATE INDEX worklist_problems_raised_by ON worklist_problems (raised_by) WHERE raised_by IS NOT NULL;
CREATE UNIQUE INDEX worklist_problems_source ON worklist_problems (source, source_ref, title) WHERE source_ref IS NOT NULL;

CREATE TABLE worklist_tasks (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  problem_id  uuid NOT NULL REFERENCES worklist_problems (id),
  title       text NOT NULL,
  owner_id    uuid NOT NULL REFERENCES users (id),
  deadline    date NOT NULL,
  done_at     timestamptz,
  outcome     text,
  created_by  uuid REFERENCES users (id),
  created_at  timestamptz NOT NULL
);
CREATE INDEX worklist_tasks_problem ON worklist_tasks (problem_id);
CREATE INDEX worklist_tasks_owner ON worklist_tasks (owner_id, deadline) WHERE done_at IS NULL;

CREATE TABLE worklist_effects (
  problem_id    uuid PRIMARY KEY REFERENCES worklist_problems (id),
  summary       text NOT NULL,
  result_kind   text NOT NULL,
  recorded_by   uuid REFERENCES users (id),
  recorded_at   timestamptz NOT NULL,
  confirmation  text NOT NULL CHECK (confirmation IN ('not_needed', 'pending', 'confirmed', 'disputed')),
  confirmed_at  timestamptz,
  comment       text
);

GRANT SELECT, INSERT, UPDATE ON care_settings, care_persons, care_dues, worklist_problems, worklist_tasks, worklist_effects TO cocreate_app;
GRANT SELECT, INSERT ON care_visits TO cocreate_app;
GRANT USAGE ON SEQUENCE care_dues_id_seq TO cocreate_app;
