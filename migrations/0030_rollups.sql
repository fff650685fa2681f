-- Rollups of the case figures (#17 item 5): counts and sums per place × day (China Standard Time) ×
-- category × handling department, from which every case indicator of a day-aligned period is a sum of
-- rows (see src/server/modules/rollups/README.md for each column's meaning).

-- One row per key and day. A case adds to up to four days: the day it was received (received,
-- received_responded), filed (filed, filed_resolved), due (due, due_closed, due_suspended, due_on_time)
-- and closed (closed, closed_reworked, rated, rated_satisfied, handling_seconds). '' stands for no grid
-- or no department (the key is a primary key: no NULLs).
CREATE TABLE case_rollups (
  day                date NOT NULL,
  division_code      text COLLATE "C" NOT NULL,
  grid_code          text COLLATE "C" NOT NULL,
  category_code      text COLLATE "C" NOT NULL,
  department_code    text COLLATE "C" NOT NULL,
  received           integer NOT NULL DEFAULT 0,
  received_responded integer NOT NULL DEFAULT 0,
  filed              integer NOT NULL DEFAULT 0,
  filed_resolved     integer NOT NULL DEFAULT 0,
  due                integer NOT NULL DEFAULT 0,
  due_closed         integer NOT NULL DEFAULT 0,
  due_suspended      integer NOT NULL DEFAULT 0,
  due_on_time        integer NOT NULL DEFAULT 0,
  closed             integer NOT NULL DEFAULT 0,
  closed_reworked    integer NOT NULL DEFAULT 0,
  rated              integer NOT NULL DEFAULT 0,
  rated_satisfied    integer NOT NULL DEFAULT 0,
  handling_seconds   numeric NOT NULL DEFAULT 0,
  PRIMARY KEY (day, division_code, grid_code, category_code, department_code)
);
-- a period's rows are read by day (the rebuild writes them in day order, as time does); a small place's by code
CREATE INDEX case_rollups_place ON case_rollups (division_code, day);

-- The same figures per village (the first 12 digits of the division code) and day, over every grid,
-- category and department: what a panel by town or village reads (a county's year is ~300 villages ×
-- 365 days of rows, however many cases). Kept with case_rollups, from the same deltas.
CREATE TABLE case_rollups_village (
  day                date NOT NULL,
  village_code       text COLLATE "C" NOT NULL,
  received           integer NOT NULL DEFAULT 0,
  received_responded integer NOT NULL DEFAULT 0,
  filed              integer NOT NULL DEFAULT 0,
  filed_resolved     integer NOT NULL DEFAULT 0,
  due                integer NOT NULL DEFAULT 0,
  due_closed         integer NOT NULL DEFAULT 0,
  due_suspended      integer NOT NULL DEFAULT 0,
  due_on_time        integer NOT NULL DEFAULT 0,
  closed             integer NOT NULL DEFAULT 0,
  closed_reworked    integer NOT NULL DEFAULT 0,
  rated              integer NOT NULL DEFAULT 0,
  rated_satisfied    integer NOT NULL DEFAULT 0,
  handling_seconds   numeric NOT NULL DEFAULT 0,
  PRIMARY KEY (day, village_code)
);
CREATE INDEX case_rollups_village_place ON case_rollups_village (village_code, day);

-- The same figures per month (its first day), town (the first 9 digits), category and department: what
-- panels by category or department read for the whole months of a period (its edge days come from
-- case_rollups). Kept with the others, from the same deltas.
CREATE TABLE case_rollups_month (
  month              date NOT NULL,
  town_code          text COLLATE "C" NOT NULL,
  category_code      text COLLATE "C" NOT NULL,
  department_code    text COLLATE "C" NOT NULL,
  received           integer NOT NULL DEFAULT 0,
  received_responded integer NOT NULL DEFAULT 0,
  filed              integer NOT NULL DEFAULT 0,
  filed_resolved     integer NOT NULL DEFAULT 0,
  due                integer NOT NULL DEFAULT 0,
  due_closed         integer NOT NULL DEFAULT 0,
  due_suspended      integer NOT NULL DEFAULT 0,
  due_on_time        integer NOT NULL DEFAULT 0,
  closed             integer NOT NULL DEFAULT 0,
  closed_reworked    integer NOT NULL DEFAULT 0,
  rated              integer NOT NULL DEFAULT 0,
  rated_satisfied    integer NOT NULL DEFAULT 0,
  handling_seconds   numeric NOT NULL DEFAULT 0,
  PRIMARY KEY (month, town_code, category_code, department_code)
);

-- What the rollup holds for each case: its facts as they were when last applied. A change is applied
-- as (contribution of the case now) − (contribution of these facts), then these become the case's
-- facts now; so a message delivered twice, late or out of order adds nothing wrong. A row of NULLs is
-- a case not yet applied (it contributes nothing).
CREATE TABLE case_rollup_facts (
  case_id            uuid PRIMARY KEY,
  division_code      text COLLATE "C",
  grid_code          text COLLATE "C",
  category_code      text COLLATE "C",
  department_code    text COLLATE "C",
  received_day       date,
  responded_in_time  boolean,
  filed_day          date,
  resolved           boolean,
  due_day            date,
  due_closed         boolean,
  ever_suspended     boolean,
  on_time            boolean,
  closed_day         date,
  reworked           boolean,
  rating             smallint,
  handling_seconds   numeric
);

-- Every statement that inserts, changes the counted columns of, or deletes cases queues the ids of
-- those cases as outbox messages of the topic rollups.cases_changed (at most 1,000 ids each), in the
-- writing transaction: one row per statement (per 1,000 cases), whatever path wrote them. The
-- messages are due at once (created at the earliest updated_at of the rows, or now).
CREATE FUNCTION rollups_cases_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO outbox (topic, payload, created_at, available_at)
    SELECT 'rollups.cases_changed', jsonb_build_object('caseIds', jsonb_agg(id::text ORDER BY id)), at, at
      FROM (SELECT id, (row_number() OVER () - 1) / 1000 AS chunk, least(min(updated_at) OVER (), now()) AS at
              FROM new_rows) r
     GROUP BY chunk, at;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO outbox (topic, payload, created_at, available_at)
    SELECT 'rollups.cases_changed', jsonb_build_object('caseIds', jsonb_agg(id::text ORDER BY id)), at, at
      FROM (SELECT n.id, (row_number() OVER () - 1) / 1000 AS chunk, least(min(n.updated_at) OVER (), now()) AS at
              FROM new_rows n JOIN old_rows o ON o.id = n.id
             WHERE (n.division_code, n.grid_code, n.category_code, n.handler_department, n.state, n.received_at,
                    n.responded_at, n.response_due_at, n.filed_at, n.handle_due_at, n.closed_at, n.closed_on_time,
                    n.rework_count, n.ever_suspended, n.rating)
                   IS DISTINCT FROM
                   (o.division_code, o.grid_code, o.category_code, o.handler_department, o.state, o.received_at,
                    o.responded_at, o.response_due_at, o.filed_at, o.handle_due_at, o.closed_at, o.closed_on_time,
                    o.rework_count, o.ever_suspended, o.rating)) r
     GROUP BY chunk, at;
  ELSE
    INSERT INTO outbox (topic, payload, created_at, available_at)
    SELECT 'rollups.cases_changed', jsonb_build_object('caseIds', jsonb_agg(id::text ORDER BY id)), now(), now()
      FROM (SELECT id, (row_number() OVER () - 1) / 1000 AS chunk FROM old_rows) r
     GROUP BY chunk;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER cases_rollups_insert AFTER INSERT ON cases
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollups_cases_changed();
CREATE TRIGGER cases_rollups_update AFTER UPDATE ON cases
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION rollups_cases_changed();
CREATE TRIGGER cases_rollups_delete AFTER DELETE ON cases
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION rollups_cases_changed();
