-- Disputes on the wallets' transactions (projection disputes-v1): unsubmitted, submitted, won, lost, expired.
CREATE TABLE read_model.dispute_v1 (
    dispute_id        TEXT        PRIMARY KEY,
    wallet_id         TEXT        NOT NULL,
    org_id            TEXT        NOT NULL,
    transaction_id    TEXT        NOT NULL,
    status            TEXT        NOT NULL,
    amount            BIGINT      NOT NULL,
    currency          TEXT,
    reason            TEXT,
    opened_at         TIMESTAMPTZ NOT NULL,
    opened_by         TEXT,
    explanation       TEXT,
    status_changed_at TIMESTAMPTZ
);
CREATE INDEX dispute_v1_newest ON read_model.dispute_v1 (opened_at DESC, dispute_id DESC);
CREATE INDEX dispute_v1_wallet ON read_model.dispute_v1 (wallet_id, opened_at DESC, dispute_id DESC);
CREATE INDEX dispute_v1_org ON read_model.dispute_v1 (org_id, opened_at DESC, dispute_id DESC);
CREATE INDEX dispute_v1_transaction ON read_model.dispute_v1 (transaction_id);
