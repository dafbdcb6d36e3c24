-- Live alert streams across replicas (docs/adr/0030-live-alerts-across-replicas.md).
--
-- alert_event ids come from a sequence, taken before commit: concurrent transactions may commit them out of order, so
-- a reader that saw id 12 may later see id 11 appear. Each replica feeds its streams in id order up to a "settled" id:
-- every event at or below it is visible now or never will be.
--
-- Every statement that inserts events first takes a shared advisory lock (never waited for: nobody takes it
-- exclusively) whose key carries the sequence's last value at that moment: the ids this transaction takes are all
-- above it. PostgreSQL releases the lock only after the commit became visible. The settled id is then the sequence's
-- last value, read first, lowered to the smallest such lock still held.

-- A bigint advisory key: 0x5647 ("VG") in the top 16 bits, the sequence value (below 2^48) in the rest.
CREATE FUNCTION alert_event_hold_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared((22087::bigint << 48)
            | coalesce(pg_sequence_last_value('alert_event_id_seq'::regclass), 0));
    RETURN NULL;
END $$;

CREATE TRIGGER alert_event_hold_order BEFORE INSERT ON alert_event
    FOR EACH STATEMENT EXECUTE FUNCTION alert_event_hold_order();

-- Call in a statement of its own; a statement started after it returns sees every event at or below the answer.
CREATE FUNCTION alert_event_settled_id() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    -- first the sequence, then the locks: a writer that takes an id below this value already holds its lock
    allocated bigint := coalesce(pg_sequence_last_value('alert_event_id_seq'::regclass), 0);
    writing bigint;
BEGIN
    SELECT min(((l.classid::bigint & 65535) << 32) | l.objid::bigint) INTO writing
      FROM pg_locks l
     WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND (l.classid::bigint >> 16) = 22087
       AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database());
    RETURN least(allocated, writing);
END $$;
