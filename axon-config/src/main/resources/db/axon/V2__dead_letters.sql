-- Axon's dead-letter queue (JdbcSequencedDeadLetterQueue): events a projection could not handle, parked per
-- sequence (aggregate) so that the rest of the projection goes on. Written here rather than by Axon's
-- GenericDeadLetterTableFactory, whose DDL uses BLOB (bytea in PostgreSQL) and a constraint named PK, which can
-- exist only once per schema. Axon writes its times as ISO-8601 text. Payload and metadata are the event's JSON
-- (Jackson), as bytes: SELECT convert_from(payload, 'UTF8')::jsonb FROM dead_letter_entry.
CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255)  PRIMARY KEY,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    event_identifier     VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    payload_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA         NOT NULL,
    meta_data            BYTEA,
    aggregate_type       VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                BYTEA,
    enqueued_at          VARCHAR(255)  NOT NULL,
    last_touched         VARCHAR(255),
    processing_started   VARCHAR(255),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_entry_sequence UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_group ON dead_letter_entry (processing_group);
