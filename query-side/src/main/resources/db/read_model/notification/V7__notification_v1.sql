-- Platform notifications (projection notifications-v1).
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
