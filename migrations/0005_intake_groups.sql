-- Reports written in groups (group commit): concurrent reports are inserted by one statement,
-- with their audit rows, without an explicit transaction (one statement is atomic).

-- The writer keeps each chain's last hash in memory and computes the new rows' hashes before it
-- sends them; this function, called once per statement, takes the chain's advisory lock (the same
-- one audit_chain_head takes) and refuses when another writer has moved the chain on since. The
-- error's DETAIL carries the current head, so the writer recomputes and retries at once.
CREATE FUNCTION audit_chain_expect(p_chain smallint, p_head text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  head text;
BEGIN
  PERFORM pg_advisory_xact_lock(7201082, p_chain);
  SELECT hash INTO head FROM audit_log WHERE chain = p_chain ORDER BY id DESC LIMIT 1;
  head := COALESCE(head, repeat('0', 64));
  IF head <> p_head THEN
    RAISE EXCEPTION 'audit chain % has moved on', p_chain USING ERRCODE = 'CC001', DETAIL = head;
  END IF;
  RETURN true;
END $$;

-- One case per Idempotency-Key and submitter (the reporter, the staff member entering a report on
-- someone's behalf, or the Open311 client), enforced by the database rather than by a prior read,
-- so two concurrent retries cannot both create a case. Earlier duplicates keep their key on the
-- first case only.
WITH ranked AS (
  SELECT id, row_number() OVER (PARTITION BY COALESCE(reporter_id, entered_by, open311_client_id), idempotency_key ORDER BY received_at, id) AS n
    FROM cases WHERE idempotency_key IS NOT NULL)
UPDATE cases SET idempotency_key = NULL FROM ranked WHERE cases.id = ranked.id AND ranked.n > 1;

CREATE UNIQUE INDEX cases_idempotency ON cases ((COALESCE(reporter_id, entered_by, open311_client_id)), idempotency_key)
  WHERE idempotency_key IS NOT NULL;

-- cases_idempotency covers what the table's UNIQUE (reporter_id, idempotency_key) did: one index
-- less to write for every report.
ALTER TABLE cases DROP CONSTRAINT cases_reporter_id_idempotency_key_key;

-- The group's statement writes only when none of its reports is a replay of an earlier one or
-- over the reporter's hourly limit (the common case, checked in the same statement); otherwise it
-- writes nothing and the writer checks each report first (intake.writer).
CREATE FUNCTION intake_proceed(p_refused integer) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  IF p_refused > 0 THEN
    RAISE EXCEPTION '% report(s) of the group need checking first', p_refused USING ERRCODE = 'CC002';
  END IF;
  RETURN true;
END $$;
