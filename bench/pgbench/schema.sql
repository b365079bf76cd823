-- The PostgreSQL baseline: a table shaped like Axon's domain_event_entry (same columns, same unique indexes).
DROP TABLE IF EXISTS bench_baseline_event;
CREATE TABLE bench_baseline_event (
    global_index         BIGSERIAL    PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              TEXT         NOT NULL,
    meta_data            TEXT,
    UNIQUE (aggregate_identifier, sequence_number)
);
