-- Bulk replays of connector deliveries (projection connector-replays-v1): running, finished or canceled, with counts.
CREATE TABLE read_model.connector_replay_v1 (
    job_id        TEXT        PRIMARY KEY,
    connection_id TEXT        NOT NULL,
    since         TIMESTAMPTZ NOT NULL,
    state         TEXT        NOT NULL,
    replayed      BIGINT      NOT NULL DEFAULT 0,
    passed_over   BIGINT      NOT NULL DEFAULT 0,
    started_at    TIMESTAMPTZ NOT NULL,
    started_by    TEXT,
    reason        TEXT,
    ended_at      TIMESTAMPTZ,
    canceled_by   TEXT
);
CREATE INDEX connector_replay_v1_newest ON read_model.connector_replay_v1 (started_at DESC, job_id DESC);
CREATE INDEX connector_replay_v1_connection ON read_model.connector_replay_v1 (connection_id, started_at DESC);
