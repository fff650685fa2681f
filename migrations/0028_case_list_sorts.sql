-- The case lists' sorts (issue #11 item 10): keyset pages by reported time and by handling deadline,
-- each with the id as tie-breaker (cases/case-filters.sql.ts ORDER_BY).
CREATE INDEX cases_received_id ON cases (received_at DESC, id DESC);
CREATE INDEX cases_due_id ON cases (handle_due_at ASC NULLS LAST, id ASC);
