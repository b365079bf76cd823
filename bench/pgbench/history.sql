-- :events FeedbackSubmitted events written straight into the event store, as the platform's ingest would have
-- recorded them: a quarter each of bug reports, XSS probes, wishes and SQL probes, over 1,000 groups.
INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                payload_type, payload_revision, payload, meta_data)
SELECT md5('bench-event-' || i)::uuid::text,
       'fb-bench-' || i,
       0,
       'Feedback',
       to_char(timestamp '2026-11-01' + i * interval '1 millisecond', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
       'com.opsledger.events.feedback.event.FeedbackSubmitted',
       NULL,
       json_build_object(
           'feedbackId', 'fb-bench-' || i, 'submissionId', 'bench-' || i, 'orgId', 'org-' || (i % 50),
           'workspaceId', 'ws-' || (i % 200), 'userId', 'user-' || (i % 1000), 'channel', 'web',
           'message', (ARRAY['Export to CSV is broken on workspace ' || i, '<script>alert(' || i || ')</script>',
                             'Please add dark mode, it would help with long triage sessions ' || i,
                             ''' OR 1=1 -- ' || i])[i % 4 + 1],
           'page', '/bench', 'contentHash', md5(i::text),
           'classification', (ARRAY[
               '{"securityClasses":[],"signal":"ACTIONABLE","severity":"MEDIUM"}',
               '{"securityClasses":["SCRIPT"],"signal":"SECURITY_PROBE","severity":"HIGH"}',
               '{"securityClasses":[],"signal":"PRODUCT_SIGNAL","severity":"LOW"}',
               '{"securityClasses":["SQL"],"signal":"SECURITY_PROBE","severity":"CRITICAL"}'])[i % 4 + 1]::json,
           'fingerprint', 'bench' || (i % 1000), 'groupId', 'grp-bench' || (i % 1000),
           'submittedAt', to_char(timestamp '2026-11-01' + i * interval '1 millisecond',
                                  'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text,
       '{"actor":"service:platform","sourceIp":"127.0.0.1"}'
FROM generate_series(1, :events) AS i;
