-- Runtime jobs and sandboxes as the platform reports them (projection runtime-tasks-v1).
CREATE TABLE read_model.runtime_task_v1 (
    runtime_id    TEXT        PRIMARY KEY,
    kind          TEXT        NOT NULL,
    platform_id   TEXT        NOT NULL,
    org_id        TEXT        NOT NULL,
    workspace_id  TEXT        NOT NULL,
    worker        TEXT        NOT NULL,
    connection_id TEXT,
    status        TEXT        NOT NULL,
    detail        TEXT,
    first_seen_at TIMESTAMPTZ NOT NULL,
    observed_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX runtime_task_v1_newest ON read_model.runtime_task_v1 (kind, observed_at DESC, runtime_id DESC);
CREATE INDEX runtime_task_v1_status ON read_model.runtime_task_v1 (kind, status, observed_at DESC, runtime_id DESC);
-- The queue of each worker: its jobs and sandboxes not yet final.
CREATE INDEX runtime_task_v1_open ON read_model.runtime_task_v1 (worker) WHERE status IN ('queued', 'running');
