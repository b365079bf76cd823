-- Which wallet a Stripe card or transaction belongs to, read from the event store (command-side WalletDirectory):
-- Stripe's transaction and dispute objects name their card or transaction by id only, without its metadata.
CREATE INDEX domain_event_entry_wallet_card ON domain_event_entry ((payload::jsonb ->> 'cardId'))
    WHERE payload_type = 'com.opsledger.events.wallet.event.CardIssued';
CREATE INDEX domain_event_entry_wallet_transaction ON domain_event_entry ((payload::jsonb ->> 'transactionId'))
    WHERE payload_type = 'com.opsledger.events.wallet.event.TransactionRecorded';
