-- The wallets' Stripe Issuing cardholders and their onboarding requirements (projection cardholders-v1).
CREATE TABLE read_model.cardholder_v1 (
    cardholder_id   TEXT        PRIMARY KEY,
    wallet_id       TEXT        NOT NULL,
    name            TEXT,
    type            TEXT,
    status          TEXT,
    past_due        TEXT[]      NOT NULL,
    disabled_reason TEXT,
    observed_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX cardholder_v1_wallet ON read_model.cardholder_v1 (wallet_id);
CREATE INDEX cardholder_v1_requirements ON read_model.cardholder_v1 (wallet_id)
    WHERE cardinality(past_due) > 0 OR disabled_reason IS NOT NULL;
