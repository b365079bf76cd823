-- The rows one real-time authorization decision writes, in one transaction, as prepared statements: its event
-- (AuthorizationDecided, at its stored size), the authorization's read-model row, and half a token update. The
-- decision's floor: the same work with nothing of the service in it (the service also reads the wallet, which it
-- holds in memory). (No colon in literals: pgbench -M prepared would read it as a variable.)
\set n random(1, 9000000000000000000)
\set t random(0, 1)
BEGIN;
INSERT INTO floor_event (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
                         payload_revision, payload, meta_data)
VALUES (gen_random_uuid()::text, 'wlt-' || :client_id, :n, 'Wallet', now()::text,
        'com.opsledger.events.wallet.event.AuthorizationDecided', NULL, repeat('x', 520),
        '{"actor":"stripe","sourceIp":"127.0.0.1","correlationId":"c","traceId":"t"}');
INSERT INTO floor_authorization (authorization_id, wallet_id, org_id, card_id, amount, currency, merchant_name,
                                 category, decision_id, approved, reason, explanation, approval_threshold,
                                 received_at, decided_at, held_amount, counted_on, first_seen_at)
VALUES ('iauth_' || :n, 'wlt-' || :client_id, 'org-acme', 'ic_1', 700, 'usd', 'Rocket Rides',
        'computer_software_stores', 'dec-' || :n, true, 'within_policy', 'within the wallet''s policy', 100000,
        now(), now(), 700, current_date, now())
ON CONFLICT (authorization_id) DO NOTHING;
\if :t
UPDATE floor_token SET token = convert_to('{"index":1}', 'UTF8'), timestamp = now()::text
WHERE processor_name = 'floor-' || :client_id;
\endif
COMMIT;
