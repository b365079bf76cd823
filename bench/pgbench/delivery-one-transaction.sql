-- The rows one accepted connector webhook writes, in one transaction, as prepared statements: its two events
-- (ConnectorEventAccepted with the payload, DeliveryAttemptDue, at their stored sizes) and the row of the attempt's
-- watch deadline. The floor of accepting a webhook, with nothing of the service in it (which also verifies the
-- signature, asks the connection, and later makes and records the attempt). (No colon in literals: pgbench -M
-- prepared would read it as a variable.)
\set n random(1, 9000000000000000000)
BEGIN;
INSERT INTO floor_event (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
                         payload_revision, payload, meta_data)
VALUES (gen_random_uuid()::text, 'dlv-' || :n, 0, 'Delivery', now()::text,
        'com.opsledger.events.connector.event.ConnectorEventAccepted', NULL, repeat('x', 640),
        '{"actor":"upstream-github","sourceIp":"127.0.0.1","correlationId":"c","traceId":"t"}');
INSERT INTO floor_event (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
                         payload_revision, payload, meta_data)
VALUES (gen_random_uuid()::text, 'dlv-' || :n, 1, 'Delivery', now()::text,
        'com.opsledger.events.connector.event.DeliveryAttemptDue', NULL, repeat('x', 300),
        '{"actor":"upstream-github","sourceIp":"127.0.0.1","correlationId":"c","traceId":"t"}');
INSERT INTO floor_task (task_name, task_instance, task_data, execution_time, picked, version)
VALUES ('AxonDeadline', gen_random_uuid()::text, convert_to(repeat('x', 400), 'UTF8'), now() + interval '35 seconds',
        false, 1);
COMMIT;
