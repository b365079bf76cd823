-- Stripe Issuing transactions of the wallets' cards (projection transactions-v1); amount as Stripe signs it:
-- negative for a capture, positive for a refund.
CREATE TABLE read_model.transaction_v1 (
    transaction_id   TEXT        PRIMARY KEY,
    wallet_id        TEXT        NOT NULL,
    org_id           TEXT        NOT NULL,
    authorization_id TEXT,
    card_id          TEXT        NOT NULL,
    type             TEXT        NOT NULL,
    amount           BIGINT      NOT NULL,
    currency         TEXT,
    merchant_name    TEXT,
    category         TEXT,
    created_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX transaction_v1_newest ON read_model.transaction_v1 (created_at DESC, transaction_id DESC);
CREATE INDEX transaction_v1_wallet ON read_model.transaction_v1 (wallet_id, created_at DESC, transaction_id DESC);
CREATE INDEX transaction_v1_org ON read_model.transaction_v1 (org_id, created_at DESC, transaction_id DESC);
CREATE INDEX transaction_v1_authorization ON read_model.transaction_v1 (authorization_id);
