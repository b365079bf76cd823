-- The wallets' Stripe Issuing cards as Stripe last reported them (projection cards-v1).
CREATE TABLE read_model.card_v1 (
    card_id             TEXT        PRIMARY KEY,
    wallet_id           TEXT        NOT NULL,
    cardholder_id       TEXT,
    last4               TEXT,
    currency            TEXT,
    status              TEXT        NOT NULL,
    cancellation_reason TEXT,
    issued_at           TIMESTAMPTZ NOT NULL,
    issued_by           TEXT,
    status_changed_at   TIMESTAMPTZ,
    observed_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX card_v1_wallet ON read_model.card_v1 (wallet_id, issued_at DESC, card_id DESC);
CREATE INDEX card_v1_newest ON read_model.card_v1 (issued_at DESC, card_id DESC);
