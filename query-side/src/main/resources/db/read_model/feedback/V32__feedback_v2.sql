-- The feedback queue, version 2 (projection feedback-queue-v2): version 1's columns and the seconds each item took
-- from its submission to its first triage. Built beside version 1 from the whole history; readers stay on version 1
-- (read_model.read_model_version) until it has caught up, then its secondary indexes are made (copied from version
-- 1's) and readers switch to it in one update of the pointer row.
CREATE TABLE read_model.feedback_v2 (
    feedback_id      TEXT        PRIMARY KEY,
    submission_id    TEXT        NOT NULL,
    org_id           TEXT        NOT NULL,
    workspace_id     TEXT        NOT NULL,
    user_id          TEXT        NOT NULL,
    channel          TEXT        NOT NULL,
    message          TEXT        NOT NULL,
    page             TEXT,
    context          TEXT,
    state            TEXT        NOT NULL,
    security_classes TEXT[]      NOT NULL,
    signal           TEXT        NOT NULL,
    severity         TEXT        NOT NULL,
    severity_rank    SMALLINT    NOT NULL,
    group_id         TEXT        NOT NULL,
    assignee         TEXT,
    handoff_team     TEXT,
    handoff_note     TEXT,
    findings         TEXT        NOT NULL DEFAULT '[]',
    submitted_at     TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL,
    triage_seconds   BIGINT
);

-- Which version of a read model its readers read (ReadModelVersions): one pointer row per read model with versions.
CREATE TABLE read_model.read_model_version (
    read_model  TEXT PRIMARY KEY,
    live        TEXT NOT NULL,
    switched_at TIMESTAMPTZ
);
INSERT INTO read_model.read_model_version (read_model, live) VALUES ('feedback-queue', 'feedback-queue-v1');
