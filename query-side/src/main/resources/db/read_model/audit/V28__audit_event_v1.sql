-- The audit trail's index (projection audit-events-v1): one row per stored event, by its global position, with what
-- an auditor filters by. Payload and metadata are not copied: they are read from the event store by position, so the
-- history an auditor is shown is the stored one, byte for byte.
-- correlation_id is the id of the first message of the chain (Axon's traceId), causation_id that of the message that
-- caused the event (Axon's correlationId).
CREATE TABLE read_model.audit_event_v1 (
    position        BIGINT      PRIMARY KEY,
    event_id        TEXT        NOT NULL,
    aggregate_type  TEXT,
    aggregate_id    TEXT,
    sequence_number BIGINT,
    event_type      TEXT        NOT NULL,
    occurred_at     TIMESTAMPTZ NOT NULL,
    actor           TEXT,
    reason          TEXT,
    source_ip       TEXT,
    correlation_id  TEXT,
    causation_id    TEXT
);
CREATE INDEX audit_event_v1_aggregate ON read_model.audit_event_v1 (aggregate_id, position);
CREATE INDEX audit_event_v1_type ON read_model.audit_event_v1 (event_type, position);
CREATE INDEX audit_event_v1_actor ON read_model.audit_event_v1 (actor, position);
CREATE INDEX audit_event_v1_correlation ON read_model.audit_event_v1 (correlation_id, position);
CREATE INDEX audit_event_v1_time ON read_model.audit_event_v1 (occurred_at, position);

-- The organisation of each aggregate, named by the first of its events that names one (OrgScoped events).
CREATE TABLE read_model.audit_aggregate_v1 (
    aggregate_id   TEXT PRIMARY KEY,
    aggregate_type TEXT,
    org_id         TEXT NOT NULL
);
CREATE INDEX audit_aggregate_v1_org ON read_model.audit_aggregate_v1 (org_id, aggregate_id);
