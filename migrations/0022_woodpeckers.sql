-- Woodpecker enrolment (啄木鸟志愿者报名, issue #11 item 8): a resident applies from the app to join
-- their village's woodpecker team; a village officer approves (which grants the platform's
-- `woodpecker` role at the village, role_assignments) or declines with a reason. One pending
-- application per person at a time (the partial unique index below: a repeat is refused, even
-- when two arrive at once).
CREATE TABLE woodpecker_applications (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id       uuid NOT NULL REFERENCES users (id),
  village_code  text COLLATE "C" NOT NULL REFERENCES divisions (code),
  statement     text CHECK (char_length(statement) <= 500),
  state         text NOT NULL CHECK (state IN ('pending', 'approved', 'declined')),
  applied_at    timestamptz NOT NULL,
  decided_at    timestamptz,
  decided_by    uuid REFERENCES users (id),
  reason        text CHECK (char_length(reason) <= 500),
  grant_id      uuid REFERENCES role_assignments (id),
  is_demo       boolean NOT NULL DEFAULT false,
  CHECK ((state = 'pending') = (decided_at IS NULL)),
  CHECK (state <> 'declined' OR reason IS NOT NULL)
);
CREATE UNIQUE INDEX woodpecker_applications_one_pending ON woodpecker_applications (user_id) WHERE state = 'pending';
CREATE INDEX woodpecker_applications_village ON woodpecker_applications (village_code, state, applied_at DESC);
CREATE INDEX woodpecker_applications_user ON woodpecker_applications (user_id, applied_at DESC);
