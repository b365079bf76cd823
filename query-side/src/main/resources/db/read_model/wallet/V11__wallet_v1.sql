-- Agent wallets and the history of their spend policies (projection wallets-v1).
CREATE TABLE read_model.wallet_v1 (
    wallet_id         TEXT        PRIMARY KEY,
    agent_id          TEXT        NOT NULL,
    org_id            TEXT        NOT NULL,
    workspace_id      TEXT        NOT NULL,
    currency          TEXT        NOT NULL,
    policy            JSONB       NOT NULL,
    opened_at         TIMESTAMPTZ NOT NULL,
    policy_changed_at TIMESTAMPTZ
);
CREATE INDEX wallet_v1_newest ON read_model.wallet_v1 (opened_at DESC, wallet_id DESC);
CREATE INDEX wallet_v1_org ON read_model.wallet_v1 (org_id, opened_at DESC, wallet_id DESC);
CREATE INDEX wallet_v1_agent ON read_model.wallet_v1 (agent_id);

-- One row per policy a wallet had, its first included: who set it, why and when.
CREATE TABLE read_model.wallet_policy_v1 (
    wallet_id  TEXT        NOT NULL,
    sequence   BIGINT      NOT NULL,
    policy     JSONB       NOT NULL,
    changed_by TEXT,
    reason     TEXT,
    changed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (wallet_id, sequence)
);
