-- Read models: plain tables in their own schema, written only by projections. Each table carries the version of
-- the processing group that fills it (feedback-queue-v1 writes feedback_v1), so a new version is built beside it.
CREATE SCHEMA IF NOT EXISTS read_model;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE read_model.feedback_v1 (
    feedback_id      TEXT        PRIMARY KEY,
    submission_id    TEXT        NOT NULL,
    org_id           TEXT        NOT NULL,
    workspace_id     TEXT        NOT NULL,
    user_id          TEXT        NOT NULL,
    channel          TEXT        NOT NULL,
    message          TEXT        NOT NULL,
    page             TEXT,
    context          TEXT,
    state            TEXT        NOT NULL,
    security_classes TEXT[]      NOT NULL,
    signal           TEXT        NOT NULL,
    severity         TEXT        NOT NULL,
    severity_rank    SMALLINT    NOT NULL,
    group_id         TEXT        NOT NULL,
    assignee         TEXT,
    handoff_team     TEXT,
    handoff_note     TEXT,
    submitted_at     TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
-- The queue: most severe first, then oldest; keyset paging continues from (severity_rank, submitted_at, id).
CREATE INDEX feedback_v1_queue ON read_model.feedback_v1 (severity_rank, submitted_at, feedback_id);
CREATE INDEX feedback_v1_state_queue ON read_model.feedback_v1 (state, severity_rank, submitted_at, feedback_id);
CREATE INDEX feedback_v1_signal_queue ON read_model.feedback_v1 (signal, severity_rank, submitted_at, feedback_id);
CREATE INDEX feedback_v1_group ON read_model.feedback_v1 (group_id, submitted_at);
CREATE INDEX feedback_v1_classes ON read_model.feedback_v1 USING GIN (security_classes);
CREATE INDEX feedback_v1_message_search ON read_model.feedback_v1 USING GIN (message gin_trgm_ops);

CREATE TABLE read_model.feedback_timeline_v1 (
    event_id        TEXT        PRIMARY KEY,
    feedback_id     TEXT        NOT NULL,
    sequence_number BIGINT      NOT NULL,
    event_type      TEXT        NOT NULL,
    actor           TEXT,
    reason          TEXT,
    details         TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX feedback_timeline_v1_order ON read_model.feedback_timeline_v1 (feedback_id, sequence_number);

CREATE TABLE read_model.feedback_group_v1 (
    group_id          TEXT        PRIMARY KEY,
    fingerprint       TEXT        NOT NULL,
    security_classes  TEXT[]      NOT NULL,
    signal            TEXT        NOT NULL,
    severity          TEXT        NOT NULL,
    severity_rank     SMALLINT    NOT NULL,
    member_count      INTEGER     NOT NULL,
    first_seen        TIMESTAMPTZ,
    last_seen         TIMESTAMPTZ,
    burst             BOOLEAN     NOT NULL,
    burst_detected_at TIMESTAMPTZ,
    last_decision     TEXT,
    last_decision_by  TEXT,
    last_decision_at  TIMESTAMPTZ
);
CREATE INDEX feedback_group_v1_size ON read_model.feedback_group_v1 (member_count DESC, group_id);

CREATE TABLE read_model.notification_v1 (
    notification_id TEXT        PRIMARY KEY,
    platform_id     TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    source          TEXT        NOT NULL,
    severity        TEXT        NOT NULL,
    summary         TEXT        NOT NULL,
    details         TEXT,
    occurred_at     TIMESTAMPTZ NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL,
    acknowledged    BOOLEAN     NOT NULL,
    acknowledged_by TEXT,
    acknowledged_at TIMESTAMPTZ
);
CREATE INDEX notification_v1_newest ON read_model.notification_v1 (occurred_at DESC, notification_id DESC);
CREATE INDEX notification_v1_unacknowledged ON read_model.notification_v1 (kind) WHERE NOT acknowledged;
