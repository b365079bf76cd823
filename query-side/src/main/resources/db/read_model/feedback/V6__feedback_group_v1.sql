-- Duplicate and burst groups (projection feedback-groups-v1).
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
