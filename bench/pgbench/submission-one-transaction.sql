-- The rows one feedback submission writes, all in one transaction, as prepared statements: its two events
-- (FeedbackSubmitted, FeedbackGroupMemberAdded, at their stored sizes), the queue row, the timeline row, the group
-- row, and half a token update (each processor moves its token once per batch). The service's floor: the same work
-- with nothing of the service in it. (No colon in literals: pgbench -M prepared would read it as a variable.)
\set g random(0, 999)
\set n random(1, 9000000000000000000)
\set t random(0, 1)
BEGIN;
INSERT INTO floor_event (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
                         payload_revision, payload, meta_data)
VALUES (gen_random_uuid()::text, 'fb-' || :client_id || '-' || :n, 0, 'Feedback', now()::text,
        'com.opsledger.events.feedback.event.FeedbackSubmitted', '2', repeat('x', 900),
        '{"actor":"service-platform","sourceIp":"127.0.0.1","correlationId":"c","traceId":"t"}');
INSERT INTO floor_event (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
                         payload_revision, payload, meta_data)
VALUES (gen_random_uuid()::text, 'grp-' || :client_id || '-' || :n, 1, 'FeedbackGroup', now()::text,
        'com.opsledger.events.feedback.event.FeedbackGroupMemberAdded', NULL, repeat('x', 150),
        '{"actor":"service-platform","sourceIp":"127.0.0.1","correlationId":"c","traceId":"t"}');
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
\if :t
UPDATE floor_token SET token = convert_to('{"index":1}', 'UTF8'), timestamp = now()::text
WHERE processor_name = 'floor-' || :client_id;
\endif
COMMIT;
