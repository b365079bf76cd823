-- The feedback queue (projection feedback-queue-v1).
CREATE TABLE read_model.feedback_v1 (
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
    -- Why it carries its classes: the classifier's findings (rule and matched text per class) as a JSON array;
    -- none for items classified before findings were recorded, and for operators' overrides.
    findings         TEXT        NOT NULL DEFAULT '[]',
    submitted_at     TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);
-- The queue: most severe first, then oldest; keyset paging continues from (severity_rank, submitted_at, id).
CREATE INDEX feedback_v1_queue ON read_model.feedback_v1 (severity_rank, submitted_at, feedback_id);
CREATE INDEX feedback_v1_state_queue ON read_model.feedback_v1 (state, severity_rank, submitted_at, feedback_id);
CREATE INDEX feedback_v1_signal_queue ON read_model.feedback_v1 (signal, severity_rank, submitted_at, feedback_id);
CREATE INDEX feedback_v1_group ON read_model.feedback_v1 (group_id, submitted_at);
CREATE INDEX feedback_v1_classes ON read_model.feedback_v1 USING GIN (security_classes);
CREATE INDEX feedback_v1_message_search ON read_model.feedback_v1 USING GIN (message gin_trgm_ops);
-- The queue sorted newest first (sort=newest), also under filters the other indexes cannot order, such as a
-- security class: walking this index backwards finds a page without sorting the whole table.
CREATE INDEX feedback_v1_newest ON read_model.feedback_v1 (submitted_at, feedback_id);
