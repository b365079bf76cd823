-- Stripe Issuing authorizations, version 2 (projection authorizations-v2, which builds it from the whole event
-- history; version 1 goes, its rows are all in the events). Version 2 counts captures: held_amount
-- is the hold (OpsLedger's approval, then Stripe's report), captured_amount what Stripe's transactions of the
-- authorization took net of refunds (null before the first), and counted_amount what the wallet's budget counts for
-- it on counted_on (UTC): the captured amount once there is one, else the hold, as the wallet aggregate counts it.
-- Any of the three (decision, Stripe's report, a transaction) may arrive first; amount is the authorization's, null
-- while only a transaction is known.
CREATE TABLE read_model.authorization_v2 (
    authorization_id   TEXT        PRIMARY KEY,
    wallet_id          TEXT,
    org_id             TEXT,
    card_id            TEXT        NOT NULL,
    amount             BIGINT,
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
    held_amount        BIGINT      NOT NULL,
    captured_amount    BIGINT,
    counted_amount     BIGINT      GENERATED ALWAYS AS (CASE WHEN captured_amount IS NULL THEN held_amount
                                       ELSE greatest(captured_amount, 0) END) STORED,
    counted_on         DATE        NOT NULL,
    first_seen_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX authorization_v2_newest ON read_model.authorization_v2 (first_seen_at DESC, authorization_id DESC);
CREATE INDEX authorization_v2_wallet ON read_model.authorization_v2 (wallet_id, first_seen_at DESC, authorization_id DESC);
CREATE INDEX authorization_v2_org ON read_model.authorization_v2 (org_id, first_seen_at DESC, authorization_id DESC);
CREATE INDEX authorization_v2_budget ON read_model.authorization_v2 (wallet_id, counted_on);
-- The anomaly rules' own rows (WalletAnomalies): few, so the partial indexes stay small.
CREATE INDEX authorization_v2_approved_without_spend_request ON read_model.authorization_v2 (wallet_id)
    WHERE approved AND spend_request_id IS NULL AND amount > approval_threshold;
CREATE INDEX authorization_v2_stripe_disagreed ON read_model.authorization_v2 (wallet_id)
    WHERE approved AND stripe_approved = false;
DROP TABLE read_model.authorization_v1;
