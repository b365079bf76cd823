-- Stripe Issuing authorizations: OpsLedger's real-time decision and what Stripe reported after (projection
-- authorizations-v1). Either half may arrive first. counted_amount is what the wallet's budget counts for it on
-- counted_on (UTC), as the wallet aggregate counts it.
CREATE TABLE read_model.authorization_v1 (
    authorization_id   TEXT        PRIMARY KEY,
    wallet_id          TEXT,
    org_id             TEXT,
    card_id            TEXT        NOT NULL,
    amount             BIGINT      NOT NULL,
    currency           TEXT,
    merchant_name      TEXT,
    category           TEXT,
    decision_id        TEXT,
    approved           BOOLEAN,
    reason             TEXT,
    explanation        TEXT,
    spend_request_id   TEXT,
    approval_threshold BIGINT,
    received_at        TIMESTAMPTZ,
    decided_at         TIMESTAMPTZ,
    stripe_status      TEXT,
    stripe_approved    BOOLEAN,
    stripe_amount      BIGINT,
    stripe_reason      TEXT,
    stripe_observed_at TIMESTAMPTZ,
    counted_amount     BIGINT      NOT NULL,
    counted_on         DATE        NOT NULL,
    first_seen_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX authorization_v1_newest ON read_model.authorization_v1 (first_seen_at DESC, authorization_id DESC);
CREATE INDEX authorization_v1_wallet ON read_model.authorization_v1 (wallet_id, first_seen_at DESC, authorization_id DESC);
CREATE INDEX authorization_v1_org ON read_model.authorization_v1 (org_id, first_seen_at DESC, authorization_id DESC);
CREATE INDEX authorization_v1_budget ON read_model.authorization_v1 (wallet_id, counted_on);
-- The anomaly rules' own rows (WalletAnomalies): few, so the partial indexes stay small.
CREATE INDEX authorization_v1_approved_without_spend_request ON read_model.authorization_v1 (wallet_id)
    WHERE approved AND spend_request_id IS NULL AND amount > approval_threshold;
CREATE INDEX authorization_v1_stripe_disagreed ON read_model.authorization_v1 (wallet_id)
    WHERE approved AND stripe_approved = false;
