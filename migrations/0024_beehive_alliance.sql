-- The 红新党建服务联盟 (the alliance of the new-employment groups' party building): its member
-- organisations (platform companies, their local stations, line departments, party organisations,
-- associations); a platform member may answer its own workers' requests about platform rules through
-- a department of its own. And the 五帮 routing (request kind → body, working days), editable by the
-- county (defaults in beehive.domain.ts REQUEST_ROUTES apply to kinds without a row).

CREATE TABLE beehive_alliance_members (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name             text NOT NULL UNIQUE,
  kind             text NOT NULL CHECK (kind IN ('platform', 'station', 'department', 'party_org', 'association', 'enterprise')),
  platform_name    text,                                  -- a platform's name as workers give it (美团, 饿了么)
  platform_key     text UNIQUE,                           -- the same compared loosely (beehive.domain.ts platformKey)
  department_code  text REFERENCES departments (code),    -- set when the member answers requests
  party_org_code   text COLLATE "C" REFERENCES party_orgs (code),
  joined_on        date NOT NULL,
  left_on          date,
  note             text NOT NULL DEFAULT '',
  is_demo          boolean NOT NULL DEFAULT false,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (left_on IS NULL OR left_on >= joined_on),
  CHECK ((kind = 'platform') = (platform_key IS NOT NULL)),
  CHECK ((platform_name IS NULL) = (platform_key IS NULL))
);

CREATE TABLE beehive_routes (
  kind          text PRIMARY KEY,
  body_key      text NOT NULL,
  working_days  integer NOT NULL CHECK (working_days BETWEEN 1 AND 60),
  updated_by    uuid REFERENCES users (id),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
