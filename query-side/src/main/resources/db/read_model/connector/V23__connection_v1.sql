-- Connections and their health (projection connections-v1): state, pause, the endpoint's failures, and how many
-- inbound webhooks verified, came unsigned or were refused.
CREATE TABLE read_model.connection_v1 (
    connection_id        TEXT        PRIMARY KEY,
    platform_id          TEXT        NOT NULL,
    connector            TEXT        NOT NULL,
    org_id               TEXT        NOT NULL,
    workspace_id         TEXT        NOT NULL,
    endpoint_url         TEXT        NOT NULL,
    scheme               TEXT        NOT NULL,
    status               TEXT        NOT NULL,
    status_observed_at   TIMESTAMPTZ,
    paused               BOOLEAN     NOT NULL DEFAULT false,
    disabled_cause       TEXT,
    disabled_at          TIMESTAMPTZ,
    failing_since        TIMESTAMPTZ,
    consecutive_failures INT         NOT NULL DEFAULT 0,
    last_success_at      TIMESTAMPTZ,
    last_failure_at      TIMESTAMPTZ,
    verified             BIGINT      NOT NULL DEFAULT 0,
    unsigned             BIGINT      NOT NULL DEFAULT 0,
    signature_failed     BIGINT      NOT NULL DEFAULT 0,
    timestamp_stale      BIGINT      NOT NULL DEFAULT 0,
    secrets_rotated_at   TIMESTAMPTZ,
    attempt_timeout_ms   BIGINT      NOT NULL,
    retry_schedule       TEXT        NOT NULL,
    registered_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX connection_v1_newest ON read_model.connection_v1 (registered_at DESC, connection_id DESC);
CREATE INDEX connection_v1_connector ON read_model.connection_v1 (connector, registered_at DESC);
CREATE INDEX connection_v1_org ON read_model.connection_v1 (org_id, registered_at DESC);
