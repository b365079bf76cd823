-- The floor of a rebuild of the feedback queue (bench/run's audit part): the table it fills, made as the rebuild
-- makes a generation's (ReadModelSchema.createLike: columns and the primary key, the other indexes after the
-- catch-up), one token row per pgbench client and the sequence that hands out batches of 1,000 events.
SET client_min_messages = warning;
DROP TABLE IF EXISTS floor_queue, floor_token;
DROP SEQUENCE IF EXISTS floor_batch;
CREATE TABLE floor_queue (LIKE read_model.feedback_v2 INCLUDING ALL EXCLUDING INDEXES);
ALTER TABLE floor_queue ADD PRIMARY KEY (feedback_id);
CREATE TABLE floor_token (LIKE token_entry INCLUDING ALL);
INSERT INTO floor_token (processor_name, segment, token, token_type, timestamp, owner)
SELECT 'floor-' || c, 0, convert_to('{"index":0}', 'UTF8'), 'org.axonframework.eventhandling.GapAwareTrackingToken',
       now()::text, 'bench'
FROM generate_series(0, 63) AS c;
CREATE SEQUENCE floor_batch;
