-- Photos sent before their report (issue #11): the resident app uploads each photo first, then files
-- the report naming them (POST /api/cases photoIds), so a case never exists without the photos its
-- reporter attached. A staged photo belongs to its uploader, is checked and re-encoded like any photo,
-- and becomes a case photo with the same id; staged photos never attached are removed after a day.
CREATE TABLE staged_photos (
  id            uuid PRIMARY KEY,
  user_id       uuid NOT NULL REFERENCES users (id),
  original_path text NOT NULL,
  public_path   text NOT NULL,
  mime          text NOT NULL,
  width         integer NOT NULL,
  height        integer NOT NULL,
  bytes         integer NOT NULL,
  created_at    timestamptz NOT NULL
);
CREATE INDEX staged_photos_user ON staged_photos (user_id, created_at);
CREATE INDEX staged_photos_created ON staged_photos (created_at);

GRANT SELECT, INSERT, DELETE ON staged_photos TO cocreate_app;
