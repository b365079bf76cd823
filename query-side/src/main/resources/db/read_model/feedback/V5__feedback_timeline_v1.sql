-- Each feedback item's history as operators read it (projection feedback-queue-v1).
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
