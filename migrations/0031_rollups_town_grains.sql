-- Rollup grains per town × day (and × month) by category alone and by department alone (#17 item 5's
-- speed at ten million cases): the county's and a town's panels by category or department read these,
-- a few thousand rows a day for a county however many cases there are, where case_rollups_month's
-- category × department keys grow with the cases. The same figures as case_rollups (0030), summed.
-- Filled here from the fine grain, so a database that already has rollups needs no rebuild.

CREATE TABLE case_rollups_town_category_day (
  day                date NOT NULL,
  town_code          text COLLATE "C" NOT NULL,
  category_code      text COLLATE "C" NOT NULL,
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
  PRIMARY KEY (day, town_code, category_code)
);

CREATE TABLE case_rollups_town_category_month (LIKE case_rollups_town_category_day INCLUDING DEFAULTS);
ALTER TABLE case_rollups_town_category_month RENAME COLUMN day TO month;
ALTER TABLE case_rollups_town_category_month ADD PRIMARY KEY (month, town_code, category_code);

CREATE TABLE case_rollups_town_department_day (LIKE case_rollups_town_category_day INCLUDING DEFAULTS);
ALTER TABLE case_rollups_town_department_day RENAME COLUMN category_code TO department_code;
ALTER TABLE case_rollups_town_department_day ADD PRIMARY KEY (day, town_code, department_code);

CREATE TABLE case_rollups_town_department_month (LIKE case_rollups_town_department_day INCLUDING DEFAULTS);
ALTER TABLE case_rollups_town_department_month RENAME COLUMN day TO month;
ALTER TABLE case_rollups_town_department_month ADD PRIMARY KEY (month, town_code, department_code);

INSERT INTO case_rollups_town_category_day
SELECT day, left(division_code, 9), category_code,
       sum(received), sum(received_responded), sum(filed), sum(filed_resolved), sum(due), sum(due_closed),
       sum(due_suspended), sum(due_on_time), sum(closed), sum(closed_reworked), sum(rated), sum(rated_satisfied),
       sum(handling_seconds)
  FROM case_rollups GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;

INSERT INTO case_rollups_town_category_month
SELECT date_trunc('month', day)::date, town_code, category_code,
       sum(received), sum(received_responded), sum(filed), sum(filed_resolved), sum(due), sum(due_closed),
       sum(due_suspended), sum(due_on_time), sum(closed), sum(closed_reworked), sum(rated), sum(rated_satisfied),
       sum(handling_seconds)
  FROM case_rollups_town_category_day GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;

INSERT INTO case_rollups_town_department_day
SELECT day, left(division_code, 9), department_code,
       sum(received), sum(received_responded), sum(filed), sum(filed_resolved), sum(due), sum(due_closed),
       sum(due_suspended), sum(due_on_time), sum(closed), sum(closed_reworked), sum(rated), sum(rated_satisfied),
       sum(handling_seconds)
  FROM case_rollups GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;

INSERT INTO case_rollups_town_department_month
SELECT date_trunc('month', day)::date, town_code, department_code,
       sum(received), sum(received_responded), sum(filed), sum(filed_resolved), sum(due), sum(due_closed),
       sum(due_suspended), sum(due_on_time), sum(closed), sum(closed_reworked), sum(rated), sum(rated_satisfied),
       sum(handling_seconds)
  FROM case_rollups_town_department_day GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
