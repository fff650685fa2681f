-- 位置来源: where a report's location came from — the phone's position (gps), a pick on the map (map),
-- the reporter's registered household or building (household), or coordinates sent by an Open311
-- client (open311). Shown to the dispatcher. Cases received before this migration: NULL (not recorded).
ALTER TABLE cases ADD COLUMN location_source text CHECK (location_source IN ('gps', 'map', 'household', 'open311'));
