-- The rest of a rebuild's floor, once every batch is in: the live table's secondary indexes made on the floor's
-- table one after another, as ReadModelSchema.copyIndexes makes them, then ANALYZE.
DO $$
DECLARE definition text;
BEGIN
    FOR definition IN SELECT pg_get_indexdef(indexrelid) FROM pg_index
                      WHERE indrelid = 'read_model.feedback_v2'::regclass AND NOT indisunique LOOP
        EXECUTE replace(replace(definition, ' ON read_model.feedback_v2 ', ' ON floor_queue '),
                        'INDEX feedback_v2_', 'INDEX floor_queue_');
    END LOOP;
END $$;
ANALYZE floor_queue;
