-- One event-sized row per transaction (a FeedbackSubmitted event is about 700 bytes of JSON).
INSERT INTO bench_baseline_event (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                  payload_type, payload, meta_data)
VALUES (gen_random_uuid()::text, 'fb-' || gen_random_uuid(), 0, 'Feedback', now()::text,
        'com.opsledger.events.feedback.event.FeedbackSubmitted', repeat('x', 700),
        '{"actor":"service:platform","sourceIp":"127.0.0.1","correlationId":"c","traceId":"t"}');
