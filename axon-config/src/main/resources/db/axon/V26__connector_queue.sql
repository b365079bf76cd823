-- The command side's count of the deliveries waiting for each connection's worker (DeliveryQueue, processor
-- connector-endpoint-health): the deliveries accepted or made due again and not yet delivered, failed or skipped,
-- kept in the processor's own transactions, and since when the queue is past the spike threshold.
CREATE TABLE connector_queued_delivery (
    delivery_id   TEXT PRIMARY KEY,
    connection_id TEXT NOT NULL
);
CREATE TABLE connector_queue (
    connection_id TEXT        PRIMARY KEY,
    depth         BIGINT      NOT NULL,
    spiking_since TIMESTAMPTZ
);
