-- The anomaly rule capture_without_authorization (WalletAnomalies) reads only captures that name no authorization:
-- few, so a partial index keeps the rule from scanning every transaction.
CREATE INDEX transaction_v1_capture_without_authorization ON read_model.transaction_v1 (created_at)
    WHERE type = 'capture' AND authorization_id IS NULL;
