-- Three separated administrators (三员分立) and one-time passwords.

-- A password someone else set (an account created or reset by the system administrator, or by
-- `cocreate account`) is one-time: its owner must choose a new one at the next sign-in, in a
-- pending session stage that grants nothing.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

ALTER TABLE sessions DROP CONSTRAINT sessions_stage_check;
ALTER TABLE sessions ADD CONSTRAINT sessions_stage_check CHECK (stage IN ('active', 'totp', 'totp_enroll', 'password_change'));

-- Every password reset, for the security administrator's console; changed_at is set when the
-- owner has replaced the one-time password.
CREATE TABLE password_resets (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id        uuid NOT NULL REFERENCES users (id),
  reset_by       uuid REFERENCES users (id),
  reset_by_label text NOT NULL,
  reset_at       timestamptz NOT NULL,
  changed_at     timestamptz
);
CREATE INDEX password_resets_user ON password_resets (user_id) WHERE changed_at IS NULL;
GRANT SELECT, INSERT, UPDATE ON password_resets TO cocreate_app;

-- An administrator account is dedicated: it holds its one administrator role (at one or more
-- places) and no other role, so the three administrators stay three people, and none of them
-- holds a business role such as pii_viewer. The services check this first; this trigger is the
-- backstop for every other writer. It locks the user's row, so two concurrent grants to one
-- account are decided one after the other.
CREATE FUNCTION role_assignments_admin_dedicated() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  admin_roles CONSTANT text[] := ARRAY['system_admin', 'security_admin', 'audit_admin'];
  other text;
BEGIN
  IF NEW.revoked_at IS NOT NULL THEN
    RETURN NEW;
  END IF;
  PERFORM 1 FROM users WHERE id = NEW.user_id FOR NO KEY UPDATE;
  SELECT a.role INTO other FROM role_assignments a
   WHERE a.user_id = NEW.user_id AND a.revoked_at IS NULL AND a.id <> NEW.id AND a.role <> NEW.role
     AND (a.role = ANY (admin_roles) OR NEW.role = ANY (admin_roles))
   LIMIT 1;
  IF other IS NOT NULL THEN
    RAISE EXCEPTION 'an administrator account holds no other role (% with %)', NEW.role, other USING ERRCODE = 'CC071';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER role_assignments_admin_dedicated BEFORE INSERT OR UPDATE ON role_assignments
  FOR EACH ROW EXECUTE FUNCTION role_assignments_admin_dedicated();
