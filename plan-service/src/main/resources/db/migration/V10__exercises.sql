-- Crisis exercises (docs/adr/0015-exercises.md). The scenario clock is stored as the scenario time reached at
-- clock_at (wall time); while RUNNING it advances by speed × wall time since clock_at. next_post is the index, in the
-- scenario's sorted timeline, of the first post not yet accepted by watch-service; pending_to, when set, is the end
-- of the batch being sent, kept with the clock it was cut at so that a retry sends the very same batch (same posts,
-- same publication times, same Idempotency-Key).
CREATE TABLE exercise (
    id               uuid PRIMARY KEY,
    institution_id   varchar(63)   NOT NULL,
    scenario_id      varchar(100)  NOT NULL,
    speed            integer       NOT NULL,
    status           varchar(20)   NOT NULL,
    started_by       varchar(200)  NOT NULL,
    started_at       timestamptz   NOT NULL,
    clock_ms         bigint        NOT NULL,
    clock_at         timestamptz   NOT NULL,
    next_post        integer       NOT NULL,
    pending_to       integer,
    pending_clock_ms bigint,
    pending_clock_at timestamptz,
    posts_total      integer       NOT NULL,
    setup            jsonb         NOT NULL,
    decision         varchar(20),
    decision_note    varchar(2000),
    decided_by       varchar(200),
    decided_at       timestamptz,
    decided_clock_ms bigint,
    ended_at         timestamptz,
    last_error       varchar(500),
    version          bigint        NOT NULL
);
CREATE INDEX exercise_institution_idx ON exercise (institution_id, started_at);
CREATE INDEX exercise_running_idx ON exercise (status) WHERE status = 'RUNNING';

-- Clock changes (start, pause, resume, stop, restart of the service): they map wall time to scenario time.
CREATE TABLE exercise_event (
    id              uuid PRIMARY KEY,
    exercise_id     uuid          NOT NULL REFERENCES exercise (id) ON DELETE CASCADE,
    institution_id  varchar(63)   NOT NULL,
    kind            varchar(20)   NOT NULL,
    at              timestamptz   NOT NULL,
    clock_ms        bigint        NOT NULL,
    actor           varchar(200)  NOT NULL
);
CREATE INDEX exercise_event_exercise_idx ON exercise_event (exercise_id, at);

ALTER TABLE response_plan ADD COLUMN exercise_id uuid;
CREATE INDEX response_plan_exercise_idx ON response_plan (institution_id, exercise_id) WHERE exercise_id IS NOT NULL;
