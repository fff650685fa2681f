-- Organisation and people: grids (level 6 of the division tree), compounds and villager groups,
-- buildings, households, residents (ID numbers and phones encrypted, blind-indexed), party
-- organisations and members, linked and hub households, and per-grid coverage figures.

ALTER TABLE divisions DROP CONSTRAINT divisions_level_check;
ALTER TABLE divisions ADD CONSTRAINT divisions_level_check CHECK (level BETWEEN 1 AND 6);
ALTER TABLE divisions ADD COLUMN is_demo boolean NOT NULL DEFAULT false;

-- 网格 geometry: a GeoJSON polygon in WGS-84 (CGCS2000 is identical at this scale) and its box.
CREATE TABLE grid_areas (
  grid_code  text COLLATE "C" PRIMARY KEY REFERENCES divisions (code) ON DELETE CASCADE,
  polygon    jsonb NOT NULL,
  min_lng    double precision NOT NULL,
  min_lat    double precision NOT NULL,
  max_lng    double precision NOT NULL,
  max_lat    double precision NOT NULL,
  synthetic  boolean NOT NULL DEFAULT false
);

-- 小区 / 村民小组: village + 'C' + 3 digits; not on the code path (grids cut villages differently).
CREATE TABLE compounds (
  code         text COLLATE "C" PRIMARY KEY CHECK (code ~ '^[0-9]{12}C[0-9]{3}$'),
  village_code text COLLATE "C" NOT NULL REFERENCES divisions (code),
  name         text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('compound', 'villager_group')),
  is_demo      boolean NOT NULL DEFAULT false
);

-- 楼栋: grid + 3 digits. Building 000 of a grid means "no building" and has no row here.
CREATE TABLE buildings (
  code          text COLLATE "C" PRIMARY KEY CHECK (code ~ '^[0-9]{18}$' AND right(code, 3) <> '000'),
  grid_code     text COLLATE "C" NOT NULL REFERENCES divisions (code),
  name          text NOT NULL,
  compound_code text COLLATE "C" REFERENCES compounds (code),
  lng           double precision,
  lat           double precision,
  is_demo       boolean NOT NULL DEFAULT false
);
CREATE INDEX buildings_grid ON buildings (grid_code);

-- 户: building + 4 digits (22 digits). A subtree's households are a code-prefix range.
CREATE TABLE households (
  code          text COLLATE "C" PRIMARY KEY CHECK (code ~ '^[0-9]{22}$'),
  grid_code     text COLLATE "C" NOT NULL REFERENCES divisions (code),
  building_code text COLLATE "C" REFERENCES buildings (code),
  address       text NOT NULL,
  lng           double precision,
  lat           double precision,
  is_demo       boolean NOT NULL DEFAULT false,
  CHECK (left(code, 15) = grid_code),
  CHECK (building_code IS NULL OR left(code, 18) = building_code)
);
CREATE INDEX households_grid ON households (grid_code);

-- 居民: ID number and phone encrypted (SM4-CTR + HMAC-SM3), found by keyed blind index, shown masked.
CREATE TABLE residents (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  household_code text COLLATE "C" NOT NULL REFERENCES households (code),
  name           text NOT NULL,
  id_cipher      text NOT NULL,
  id_index       text NOT NULL UNIQUE,
  id_masked      text NOT NULL,
  phone_cipher   text,
  phone_index    text,
  phone_masked   text,
  gender         char(1) NOT NULL CHECK (gender IN ('M', 'F')),
  birth_date     date NOT NULL,
  relation       text NOT NULL,
  is_demo        boolean NOT NULL DEFAULT false,
  updated_at     timestamptz NOT NULL DEFAULT now(),
  grid_code      text COLLATE "C" GENERATED ALWAYS AS (left(household_code, 15)) STORED
);
CREATE INDEX residents_household ON residents (household_code);
CREATE INDEX residents_grid ON residents (grid_code);
CREATE INDEX residents_phone ON residents (phone_index) WHERE phone_index IS NOT NULL;
CREATE INDEX residents_name ON residents (name COLLATE "C");

-- 党组织: attached to a division or grid; rural 3 levels, urban 5 levels.
CREATE TABLE party_orgs (
  code          text COLLATE "C" PRIMARY KEY CHECK (code ~ '^[0-9]{6,15}-[0-9]{2}$'),
  name          text NOT NULL,
  kind          text NOT NULL,
  parent_code   text COLLATE "C" REFERENCES party_orgs (code),
  division_code text COLLATE "C" NOT NULL REFERENCES divisions (code),
  is_demo       boolean NOT NULL DEFAULT false
);
CREATE INDEX party_orgs_division ON party_orgs (division_code);
CREATE INDEX party_orgs_parent ON party_orgs (parent_code);

CREATE TABLE party_members (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  resident_id    uuid NOT NULL UNIQUE REFERENCES residents (id),
  org_code       text COLLATE "C" NOT NULL REFERENCES party_orgs (code),
  membership     text NOT NULL CHECK (membership IN ('full', 'probationary')),
  joined_on      date NOT NULL,
  embedded_cadre boolean NOT NULL DEFAULT false,
  woodpecker     boolean NOT NULL DEFAULT false,
  is_demo        boolean NOT NULL DEFAULT false
);
CREATE INDEX party_members_org ON party_members (org_code);

-- 党员联系户 (and 党员中心户 when hub): which households a party member serves.
CREATE TABLE household_links (
  party_member_id uuid NOT NULL REFERENCES party_members (id) ON DELETE CASCADE,
  household_code  text COLLATE "C" NOT NULL REFERENCES households (code),
  hub             boolean NOT NULL DEFAULT false,
  PRIMARY KEY (party_member_id, household_code)
);
CREATE INDEX household_links_household ON household_links (household_code);

-- Coverage per grid, refreshed in the same transaction as any change to households or links,
-- so subtree figures at county level are a sum over grids, not a scan of every household.
CREATE TABLE grid_coverage (
  grid_code  text COLLATE "C" PRIMARY KEY REFERENCES divisions (code) ON DELETE CASCADE,
  households integer NOT NULL,
  residents  integer NOT NULL,
  covered    integer NOT NULL CHECK (covered <= households)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON grid_areas, compounds, buildings, households, residents, party_orgs, party_members, household_links, grid_coverage TO cocreate_app;
