-- Read models: plain tables in their own schema, written only by projections. Each table carries the version of
-- the processing group that fills it (feedback-queue-v1 writes feedback_v1), so a new version is built beside it.
CREATE SCHEMA IF NOT EXISTS read_model;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
