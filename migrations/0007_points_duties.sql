-- Separation of duties in points (积分四眼原则): nobody awards, reviews, approves or hands out
-- points for themselves or their household; the creator of an award never reviews, approves or
-- publishes it; an amount other than the rule's carries a reason and waits for a second person's
-- approval; a resident's shop place is their registered place, changed only with staff confirmation.

-- The person record (居民档案) of an account. Staff accounts are linked here; resident accounts
-- are also matched through the phone they sign in with (the same blind index as residents').
ALTER TABLE users ADD COLUMN resident_id uuid REFERENCES residents (id);
CREATE INDEX users_resident ON users (resident_id) WHERE resident_id IS NOT NULL;

ALTER TABLE points_awards ADD COLUMN amount_reason text;
ALTER TABLE points_awards ADD COLUMN approved_by uuid REFERENCES users (id);
ALTER TABLE points_awards ADD COLUMN approved_at timestamptz;
ALTER TABLE points_awards ADD COLUMN published_by uuid REFERENCES users (id);

-- Awards in flight that one person created and reviewed, or that a staff member made for himself,
-- are rejected: they never had a second person.
UPDATE points_awards
   SET state = 'rejected', decided_at = now(), rejection_reason = '未经第二人审核（四眼原则，迁移 0007）'
 WHERE state IN ('pending', 'reviewed', 'published', 'objected')
   AND (created_by = user_id OR reviewed_by = user_id OR reviewed_by = created_by);

ALTER TABLE points_awards DROP CONSTRAINT points_awards_state_check;
ALTER TABLE points_awards ADD CONSTRAINT points_awards_state_check
  CHECK (state IN ('awaiting_approval', 'pending', 'reviewed', 'published', 'objected', 'credited', 'rejected'));
ALTER TABLE points_awards ADD CONSTRAINT points_awards_approval_reason CHECK (state <> 'awaiting_approval' OR amount_reason IS NOT NULL);
-- The database's share of the rule (households are checked by the service): nobody acts on an
-- award for himself, and its creator never reviews, approves or publishes it.
ALTER TABLE points_awards ADD CONSTRAINT points_awards_four_eyes CHECK (
  (created_by IS NULL OR created_by <> user_id)
  AND (reviewed_by IS NULL OR (reviewed_by <> user_id AND reviewed_by IS DISTINCT FROM created_by))
  AND (approved_by IS NULL OR (approved_by <> user_id AND approved_by IS DISTINCT FROM created_by))
  AND (published_by IS NULL OR (published_by <> user_id AND published_by IS DISTINCT FROM created_by))
) NOT VALID;

-- Caps on amounts other than the rule's: per award (a multiple of the rule's amount) and per
-- person per calendar month (CST), per kind.
ALTER TABLE points_settings ADD COLUMN override_factor integer NOT NULL DEFAULT 10 CHECK (override_factor BETWEEN 1 AND 100);
ALTER TABLE points_settings ADD COLUMN override_monthly_cap integer NOT NULL DEFAULT 200 CHECK (override_monthly_cap BETWEEN 1 AND 1000000);

-- A resident's shop place (积分超市所属村) confirmed by staff. Places set when an account is created
-- (by an administrator, an import or the demo) count as confirmed; a resident's own later change
-- of "my place" waits in the points console until staff of that place confirm it.
CREATE TABLE points_places (
  user_id       uuid PRIMARY KEY REFERENCES users (id),
  division_code text COLLATE "C" NOT NULL REFERENCES divisions (code),
  confirmed_by  uuid REFERENCES users (id),
  confirmed_at  timestamptz NOT NULL
);
INSERT INTO points_places (user_id, division_code, confirmed_at)
  SELECT id, home_division_code, now() FROM users WHERE home_division_code IS NOT NULL;

CREATE FUNCTION points_place_at_creation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO points_places (user_id, division_code, confirmed_at) VALUES (NEW.id, NEW.home_division_code, now()) ON CONFLICT DO NOTHING;
  RETURN NEW;
END $$;
CREATE TRIGGER users_points_place AFTER INSERT ON users FOR EACH ROW WHEN (NEW.home_division_code IS NOT NULL)
  EXECUTE FUNCTION points_place_at_creation();

GRANT SELECT, INSERT, UPDATE ON points_places TO cocreate_app;
