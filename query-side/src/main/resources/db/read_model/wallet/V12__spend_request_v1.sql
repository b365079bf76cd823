-- Spend requests and their approvals (projection spend-requests-v1). pending_rank is 0 while a request waits for
-- an operator and 1 after, so the list shows the waiting ones first.
CREATE TABLE read_model.spend_request_v1 (
    spend_request_id   TEXT        PRIMARY KEY,
    wallet_id          TEXT        NOT NULL,
    org_id             TEXT        NOT NULL,
    request_id         TEXT        NOT NULL,
    requested_by       TEXT        NOT NULL,
    amount             BIGINT      NOT NULL,
    currency           TEXT        NOT NULL,
    merchant_name      TEXT,
    category           TEXT,
    purpose            TEXT        NOT NULL,
    expires_at         TIMESTAMPTZ NOT NULL,
    approvals_required INT         NOT NULL,
    approvals          JSONB       NOT NULL,
    status             TEXT        NOT NULL,
    pending_rank       INT         NOT NULL,
    requested_at       TIMESTAMPTZ NOT NULL,
    closed_at          TIMESTAMPTZ,
    closed_by          TEXT,
    close_reason       TEXT,
    consumed_by        TEXT
);
CREATE INDEX spend_request_v1_pending_first
    ON read_model.spend_request_v1 (pending_rank, requested_at DESC, spend_request_id DESC);
CREATE INDEX spend_request_v1_wallet
    ON read_model.spend_request_v1 (wallet_id, pending_rank, requested_at DESC, spend_request_id DESC);
CREATE INDEX spend_request_v1_org
    ON read_model.spend_request_v1 (org_id, pending_rank, requested_at DESC, spend_request_id DESC);
