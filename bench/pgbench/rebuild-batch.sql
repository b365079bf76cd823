-- One batch of a rebuild's floor: the queue rows of the next 1,000 stored events, extracted from their JSON payloads
-- in the database itself (the rows the projection writes, without their trip through a JVM), and the token row moved
-- past them, in one transaction as a processor thread commits a batch.
SELECT nextval('floor_batch') - 1 AS batch \gset
BEGIN;
INSERT INTO floor_queue (feedback_id, submission_id, org_id, workspace_id, user_id, channel, message, page, context,
                         state, security_classes, signal, severity, severity_rank, findings, group_id, submitted_at,
                         updated_at)
SELECT p->>'feedbackId', p->>'submissionId', p->>'orgId', p->>'workspaceId', p->>'userId', p->>'channel',
       p->>'message', p->>'page', p->>'context', 'open',
       ARRAY(SELECT lower(c) FROM jsonb_array_elements_text(p->'classification'->'securityClasses') AS c),
       lower(p->'classification'->>'signal'), lower(p->'classification'->>'severity'),
       array_position(ARRAY['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'], p->'classification'->>'severity') - 1,
       coalesce(p->'classification'->>'findings', '[]'), p->>'groupId', (p->>'submittedAt')::timestamptz,
       time_stamp::timestamptz
FROM (SELECT payload::jsonb AS p, time_stamp FROM domain_event_entry
      WHERE global_index > :batch * 1000 AND global_index <= (:batch + 1) * 1000
        AND payload_type = 'com.opsledger.events.feedback.event.FeedbackSubmitted') AS e
ON CONFLICT (feedback_id) DO NOTHING;
UPDATE floor_token SET token = convert_to('{"index":' || (:batch + 1) * 1000 || '}', 'UTF8'), timestamp = now()::text
WHERE processor_name = 'floor-' || :client_id AND segment = 0;
END;
