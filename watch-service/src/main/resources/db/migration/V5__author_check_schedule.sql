-- When a pending author check may next be tried: a check in flight is not picked again by the job until then.
ALTER TABLE author_check ADD COLUMN next_check_at timestamptz;
UPDATE author_check SET next_check_at = created_at;
ALTER TABLE author_check ALTER COLUMN next_check_at SET NOT NULL;
DROP INDEX author_check_pending_idx;
CREATE INDEX author_check_pending_idx ON author_check (next_check_at) WHERE status = 'PENDING';
