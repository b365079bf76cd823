-- Deliveries of connector events to their workers (projection connector-events-v1): one row per accepted inbound
-- event, with where it stands, and one row per attempt. failure_rank orders the list failures first:
-- 0 failed, 1 retry scheduled, 2 skipped, 3 held, 4 attempting, 5 delivered.
CREATE TABLE read_model.connector_delivery_v1 (
    delivery_id      TEXT        PRIMARY KEY,
    connection_id    TEXT        NOT NULL,
    connector        TEXT        NOT NULL,
    org_id           TEXT        NOT NULL,
    workspace_id     TEXT        NOT NULL,
    upstream_id      TEXT        NOT NULL,
    event_type       TEXT,
    posture          TEXT        NOT NULL,
    payload_bytes    INT         NOT NULL,
    status           TEXT        NOT NULL,
    failure_rank     INT         NOT NULL,
    attempts         INT         NOT NULL DEFAULT 0,
    last_reason      TEXT,
    last_status_code INT,
    last_attempt_at  TIMESTAMPTZ,
    next_attempt_at  TIMESTAMPTZ,
    duplicates       INT         NOT NULL DEFAULT 0,
    received_at      TIMESTAMPTZ NOT NULL,
    delivered_at     TIMESTAMPTZ
);
CREATE INDEX connector_delivery_v1_failures ON read_model.connector_delivery_v1
    (failure_rank, received_at DESC, delivery_id DESC);
CREATE INDEX connector_delivery_v1_newest ON read_model.connector_delivery_v1 (received_at DESC, delivery_id DESC);
CREATE INDEX connector_delivery_v1_connection ON read_model.connector_delivery_v1
    (connection_id, failure_rank, received_at DESC, delivery_id DESC);
CREATE INDEX connector_delivery_v1_upstream ON read_model.connector_delivery_v1 (upstream_id);
CREATE INDEX connector_delivery_v1_org ON read_model.connector_delivery_v1 (org_id, received_at DESC);
-- Queue depth per connection: the deliveries not yet delivered, failed or skipped.
CREATE INDEX connector_delivery_v1_queued ON read_model.connector_delivery_v1 (connection_id)
    WHERE status IN ('attempting', 'retry_scheduled', 'held');

CREATE TABLE read_model.connector_attempt_v1 (
    delivery_id      TEXT        NOT NULL,
    attempt          INT         NOT NULL,
    connection_id    TEXT        NOT NULL,
    trigger          TEXT        NOT NULL,
    job_id           TEXT,
    due_at           TIMESTAMPTZ NOT NULL,
    watch_until      TIMESTAMPTZ NOT NULL,
    -- null while in flight; then succeeded, failed, stalled, held or skipped
    outcome          TEXT,
    reason           TEXT,
    status_code      INT,
    started_at       TIMESTAMPTZ,
    duration_ms      BIGINT,
    response_excerpt TEXT,
    actor            TEXT,
    PRIMARY KEY (delivery_id, attempt)
);
-- Health over the last hour per connection, and the attempts in flight past their watch.
CREATE INDEX connector_attempt_v1_connection ON read_model.connector_attempt_v1 (connection_id, due_at DESC);
CREATE INDEX connector_attempt_v1_in_flight ON read_model.connector_attempt_v1 (watch_until) WHERE outcome IS NULL;
