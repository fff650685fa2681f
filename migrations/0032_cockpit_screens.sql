-- Big-screen links of the cockpit (大屏, #17 item 3): a read-only link for a wall screen, scoped to one
-- place and revocable. The token itself is shown once, when the link is made; only its keyed hash
-- (HMAC-SM3 with a key derived from the server's secret, platform/crypto blindIndex) is stored, so a
-- copy of the database opens no screen.
CREATE TABLE cockpit_screens (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  place_code    text COLLATE "C" NOT NULL REFERENCES divisions (code),
  label         text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 60),
  token_hash    text NOT NULL UNIQUE,
  created_by    uuid NOT NULL REFERENCES users (id),
  created_at    timestamptz NOT NULL,
  revoked_at    timestamptz,
  last_seen_at  timestamptz
);
CREATE INDEX cockpit_screens_place ON cockpit_screens (place_code, created_at DESC);
