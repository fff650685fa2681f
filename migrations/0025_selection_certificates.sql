-- 评选 certificates (issue #16): once a selection's results are final, each selected nominee of the
-- last published ranking gets one certificate (UNIQUE nominee: issuing again adds none), numbered
-- SEL-<year>-<seq> from a per-year counter. The PDF is drawn on request from these rows; the public
-- verification answers by number. Certificates are never changed or removed (append-only).

CREATE TABLE selection_certificate_counters (
  year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 9999),
  last integer NOT NULL CHECK (last >= 0)
);

CREATE TABLE selection_certificates (
  number       text PRIMARY KEY CHECK (number ~ '^SEL-[0-9]{4}-[0-9]{4,}$'),
  selection_id uuid NOT NULL REFERENCES selections (id),
  nominee_id   uuid NOT NULL UNIQUE REFERENCES selection_nominees (id),
  rank         integer NOT NULL CHECK (rank >= 1),
  issued_at    timestamptz NOT NULL,
  issued_by    uuid NOT NULL REFERENCES users (id)
);
CREATE INDEX selection_certificates_selection ON selection_certificates (selection_id, rank);
CREATE TRIGGER selection_certificates_append_only BEFORE UPDATE OR DELETE ON selection_certificates
  FOR EACH ROW EXECUTE FUNCTION forbid_change();

-- The honours of a person or an organisation are read through their nominee rows.
CREATE INDEX selection_nominees_resident ON selection_nominees (resident_id) WHERE resident_id IS NOT NULL;
CREATE INDEX selection_nominees_party_org ON selection_nominees (party_org_code) WHERE party_org_code IS NOT NULL;

GRANT SELECT, INSERT ON selection_certificates TO cocreate_app;
GRANT SELECT, INSERT, UPDATE ON selection_certificate_counters TO cocreate_app;
REVOKE UPDATE, DELETE, TRUNCATE ON selection_certificates FROM cocreate_app;
