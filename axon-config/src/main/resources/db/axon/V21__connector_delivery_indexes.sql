-- The deliveries a paused connection held, read from the event store when it resumes (command-side
-- HeldDeliveryRelease), and the failed or skipped ones a replay job takes up: the event of each names its connection.
CREATE INDEX domain_event_entry_connector_delivery ON domain_event_entry ((payload::jsonb ->> 'connectionId'),
    global_index)
    WHERE payload_type IN ('com.opsledger.events.connector.event.DeliveryHeld',
                           'com.opsledger.events.connector.event.DeliverySkipped',
                           'com.opsledger.events.connector.event.DeliveryFailed');
