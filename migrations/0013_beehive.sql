-- Red beehive stations (红色蜂巢), study micro-stations (党员学习微站) and other service points for
-- new-employment workers (新就业群体: riders, couriers, drivers); their co-building agreements
-- (共建共治共享协议), emergency-medicine stock, check-in counts, the workers' registry, the 五帮
-- help and rights requests with the published support measures; and the 15-minute service circle
-- (15分钟便民服务生活圈): facility kinds, facilities, road networks and settings.

-- ---- stations ----
CREATE TABLE beehive_stations (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind            text NOT NULL CHECK (kind IN ('beehive', 'study_micro', 'service_point')),
  name            text NOT NULL,
  division_code   text COLLATE "C" NOT NULL REFERENCES divisions (code),
  address         text NOT NULL DEFAULT '',
  lng             double precision NOT NULL,            -- WGS-84
  lat             double precision NOT NULL,
  hours           jsonb NOT NULL,                       -- 7 lists (Mon..Sun) of [from, to] minutes after midnight, CST
  services        text[] NOT NULL DEFAULT '{}',
  responsible_org text NOT NULL DEFAULT '',             -- 责任单位
  party_org_code  text COLLATE "C" REFERENCES party_orgs (code),
  checkin_code    text NOT NULL UNIQUE,                 -- printed as the station's QR code
  is_demo         boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX beehive_stations_division ON beehive_stations (division_code);

CREATE TABLE beehive_agreements (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  station_id  uuid NOT NULL REFERENCES beehive_stations (id) ON DELETE CASCADE,
  parties     text[] NOT NULL,
  terms       text NOT NULL,
  valid_from  date NOT NULL,
  valid_to    date NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (valid_to >= valid_from)
);
CREATE INDEX beehive_agreements_station ON beehive_agreements (station_id, valid_to);

CREATE TABLE beehive_medicines (
  station_id uuid NOT NULL REFERENCES beehive_stations (id) ON DELETE CASCADE,
  name       text NOT NULL,
  unit       text NOT NULL DEFAULT '',
  quantity   integer NOT NULL CHECK (quantity >= 0),
  low_at     integer NOT NULL CHECK (low_at >= 0),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (station_id, name)
);

-- check-ins are counts by station and CST day only: no row names a person
CREATE TABLE beehive_checkins (
  station_id uuid NOT NULL REFERENCES beehive_stations (id) ON DELETE CASCADE,
  day        date NOT NULL,
  count      integer NOT NULL CHECK (count >= 0),
  PRIMARY KEY (station_id, day)
);

-- ---- workers ----
CREATE TABLE beehive_workers (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid NOT NULL UNIQUE REFERENCES users (id),
  name        text NOT NULL,
  work_kind   text NOT NULL CHECK (work_kind IN ('rider', 'courier', 'driver', 'other')),
  platform    text NOT NULL,
  station_id  uuid REFERENCES beehive_stations (id) ON DELETE SET NULL,
  party_member boolean NOT NULL DEFAULT false,
  consent_at  timestamptz NOT NULL,
  consent_version text NOT NULL,
  woodpecker_scope text COLLATE "C" REFERENCES divisions (code),
  is_demo     boolean NOT NULL DEFAULT false,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX beehive_workers_station ON beehive_workers (station_id);

-- ---- 五帮 support measures and requests ----
CREATE TABLE beehive_measures (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number      integer NOT NULL UNIQUE CHECK (number > 0),
  title       text NOT NULL,
  body        text NOT NULL DEFAULT '',
  body_key    text NOT NULL,
  published   boolean NOT NULL DEFAULT true,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE beehive_requests (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  worker_id       uuid NOT NULL REFERENCES beehive_workers (id),
  kind            text NOT NULL,
  body_key        text NOT NULL,
  department_code text NOT NULL REFERENCES departments (code),
  station_id      uuid REFERENCES beehive_stations (id) ON DELETE SET NULL,
  description     text NOT NULL,
  measure_ids     uuid[] NOT NULL DEFAULT '{}',
  state           text NOT NULL CHECK (state IN ('submitted', 'answered', 'closed')),
  due_at          timestamptz NOT NULL,
  answer          text,
  answered_at     timestamptz,
  answered_by     uuid REFERENCES users (id),
  follow_up       text,
  rating          integer CHECK (rating BETWEEN 1 AND 5),
  is_demo         boolean NOT NULL DEFAULT false,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX beehive_requests_department ON beehive_requests (department_code, created_at DESC, id);
CREATE INDEX beehive_requests_worker ON beehive_requests (worker_id, created_at DESC);

-- ---- the service circle ----
CREATE TABLE circle_kinds (
  key        text PRIMARY KEY CHECK (key ~ '^[a-z0-9_]{1,40}$'),
  name       text NOT NULL,
  name_en    text NOT NULL,
  level      text NOT NULL CHECK (level IN ('5min', '10min', '15min', 'convenience')),
  walk_m     integer NOT NULL CHECK (walk_m BETWEEN 50 and 5000),
  source     text NOT NULL DEFAULT '',
  sort       integer NOT NULL DEFAULT 0
);

CREATE TABLE circle_facilities (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind_key      text NOT NULL REFERENCES circle_kinds (key) ON UPDATE CASCADE,
  name          text NOT NULL,
  lng           double precision NOT NULL,
  lat           double precision NOT NULL,
  is_demo       boolean NOT NULL DEFAULT false,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX circle_facilities_kind ON circle_facilities (kind_key);

-- one imported road network (GeoJSON LineStrings, WGS-84) per county: the latest import replaces the previous
CREATE TABLE circle_roads (
  county_code text COLLATE "C" PRIMARY KEY REFERENCES divisions (code),
  lines       jsonb NOT NULL,                        -- [[[lng, lat], ...], ...]
  segments    integer NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE circle_settings (
  county_code   text COLLATE "C" PRIMARY KEY REFERENCES divisions (code),
  detour_factor double precision NOT NULL CHECK (detour_factor >= 1 AND detour_factor <= 3)
);

-- GB 50180-2018 (居住区规划设计标准) life circles and the 2021 城市一刻钟便民生活圈建设指南 (editable)
INSERT INTO circle_kinds (key, name, name_en, level, walk_m, source, sort) VALUES
  ('kindergarten',      '幼儿园',             'Kindergarten',                 '5min',  300,  'GB 50180-2018 附录B', 10),
  ('childcare',         '托儿所（托育）',     'Daycare (under 3)',            '5min',  300,  'GB 50180-2018 附录B', 20),
  ('elderly_daycare',   '老年人日间照料中心', 'Elderly day-care centre',      '10min', 500,  'GB 50180-2018 附录B', 30),
  ('health_station',    '社区卫生服务站',     'Community health station',     '5min',  300,  'GB 50180-2018 附录B', 40),
  ('primary_school',    '小学',               'Primary school',               '10min', 500,  'GB 50180-2018 附录B', 50),
  ('middle_school',     '初中',               'Middle school',                '15min', 1000, 'GB 50180-2018 附录B', 60),
  ('health_centre',     '社区卫生服务中心',   'Community health centre',      '15min', 1000, 'GB 50180-2018 附录B', 70),
  ('elderly_home',      '养老院',             'Care home',                    '15min', 1000, 'GB 50180-2018 附录B', 80),
  ('culture_room',      '文化活动站',         'Culture room',                 '5min',  300,  'GB 50180-2018 附录B', 90),
  ('sports_ground',     '室外综合健身场地',   'Outdoor sports ground',        '5min',  300,  'GB 50180-2018 附录B', 100),
  ('deliberation_room', '议事室（协商议事）', 'Deliberation room',            '10min', 500,  '共同缔造', 110),
  ('market',            '菜市场（生鲜超市）', 'Fresh market',                 '10min', 500,  '便民生活圈建设指南', 120),
  ('convenience_store', '便利店',             'Convenience store',            '5min',  300,  '便民生活圈建设指南', 130),
  ('beehive_station',   '红色蜂巢/学习微站',  'Beehive or study micro-station','15min', 1000, '共同缔造', 140);

GRANT SELECT, INSERT, UPDATE, DELETE ON beehive_stations, beehive_agreements, beehive_medicines, beehive_checkins,
  beehive_workers, beehive_measures, beehive_requests, circle_kinds, circle_facilities, circle_roads, circle_settings
  TO cocreate_app;
