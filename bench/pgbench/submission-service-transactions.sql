-- The statements PostgreSQL receives per submission from the service, as counted in its statement log at 16
-- clients (bench/README.md, issue 11): the command's transaction (both events in one multi-row insert), the
-- read-your-writes position, the event store reader's fetch, and the projections' transactions with their share of
-- token updates, `SET LOCAL synchronous_commit`, and Axon's gap check. The same SQL, without the service.
\set g random(0, 999)
\set n random(1, 9000000000000000000)
\set twothirds random(0, 2)
\set token random(0, 3)
\set gap random(0, 1)
BEGIN;
INSERT INTO floor_event (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
                         payload_revision, payload, meta_data)
VALUES (gen_random_uuid()::text, 'fb-' || :client_id || '-' || :n, 0, 'Feedback', now()::text,
        'com.opsledger.events.feedback.event.FeedbackSubmitted', '2', repeat('x', 900),
        '{"actor":"service-platform","sourceIp":"127.0.0.1","correlationId":"c","traceId":"t"}'),
       (gen_random_uuid()::text, 'grp-' || :client_id || '-' || :n, 1, 'FeedbackGroup', now()::text,
        'com.opsledger.events.feedback.event.FeedbackGroupMemberAdded', NULL, repeat('x', 150),
        '{"actor":"service-platform","sourceIp":"127.0.0.1","correlationId":"c","traceId":"t"}');
COMMIT;
SELECT coalesce(max(global_index), 0) FROM floor_event WHERE aggregate_identifier IN ('fb-' || :client_id || '-' || :n, 'grp-' || :client_id || '-' || :n);
SELECT global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
       payload_revision, payload, meta_data
FROM floor_event WHERE global_index > (SELECT max(global_index) - 2 FROM floor_event) ORDER BY global_index LIMIT 100;
\if :gap
SELECT min(global_index) FROM floor_event WHERE global_index > (SELECT max(global_index) FROM floor_event);
\endif
BEGIN;
SET LOCAL synchronous_commit TO off;
INSERT INTO floor_feedback (feedback_id, submission_id, org_id, workspace_id, user_id, channel, message, page,
                            context, state, security_classes, signal, severity, severity_rank, group_id, findings,
                            submitted_at, updated_at)
VALUES ('fb-' || gen_random_uuid(), 'sub', 'org-1', 'ws-1', 'user-1', 'web', repeat('m', 60), '/bench', NULL, 'open',
        '{}', 'actionable', 'medium', 2, 'grp-' || :g, '[]', now(), now());
INSERT INTO floor_timeline (event_id, feedback_id, sequence_number, event_type, actor, reason, details, occurred_at)
VALUES (gen_random_uuid()::text, 'fb-' || gen_random_uuid(), 0, 'FeedbackSubmitted', 'service-platform', NULL,
        repeat('d', 700), now());
UPDATE floor_group SET member_count = member_count + 1, first_seen = coalesce(first_seen, now()), last_seen = now()
WHERE group_id = 'grp-' || :g;
\if :token
UPDATE floor_token SET token = convert_to('{"index":1}', 'UTF8'), timestamp = now()::text
WHERE processor_name = 'floor-' || :client_id;
\endif
COMMIT;
\if :twothirds
BEGIN;
UPDATE floor_token SET token = convert_to('{"index":2}', 'UTF8'), timestamp = now()::text
WHERE processor_name = 'floor-' || :client_id;
COMMIT;
\endif
