package com.opsledger.query.runtime;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.WireName;
import com.opsledger.events.runtime.event.RuntimeStatusChanged;
import com.opsledger.events.runtime.event.RuntimeStatusConfirmed;
import com.opsledger.events.runtime.event.RuntimeTaskReported;
import com.opsledger.query.projection.ProjectionWrites;
import com.opsledger.query.projection.ReadModelTables;
import com.opsledger.query.projection.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.Set;

import static com.opsledger.query.sql.SqlValues.utc;

/** Runtime jobs and sandboxes ({@value #TABLE}): their worker, connection and status as last reported. */
@Component
@ProcessingGroup(RuntimeTaskProjection.NAME)
public class RuntimeTaskProjection {

    static final String NAME = "runtime-tasks-v1";
    /** The table this version of the read model lives in; the runtime view counts each worker's queue in it. */
    public static final String TABLE = "read_model.runtime_task_v1";
    public static final ReadModel READ_MODEL = new ReadModel(NAME, Set.of(AggregateTypes.RUNTIME_TASK));

    private final ProjectionWrites writes;

    RuntimeTaskProjection(ReadModelTables tables) {
        this.writes = tables.writes(TABLE);
    }

    @EventHandler
    void on(RuntimeTaskReported e) {
        writes.sql("""
                        INSERT INTO {table} (runtime_id, kind, platform_id, org_id, workspace_id, worker,
                            connection_id, status, detail, first_seen_at, observed_at)
                        VALUES (:id, :kind, :platform, :org, :workspace, :worker, :connection, :status, :detail,
                            :at, :at)
                        ON CONFLICT (runtime_id) DO NOTHING""")
                .param("id", e.runtimeId()).param("kind", WireName.of(e.kind())).param("platform", e.platformId())
                .param("org", e.orgId()).param("workspace", e.workspaceId()).param("worker", e.worker())
                .param("connection", e.connectionId()).param("status", WireName.of(e.status()))
                .param("detail", e.detail()).param("at", utc(e.observedAt()))
                .queue();
    }

    @EventHandler
    void on(RuntimeStatusChanged e) {
        writes.sql("""
                        UPDATE {table} SET status = :status, worker = :worker, detail = :detail, observed_at = :at
                        WHERE runtime_id = :id""")
                .param("status", WireName.of(e.to())).param("worker", e.worker()).param("detail", e.detail())
                .param("at", utc(e.observedAt())).param("id", e.runtimeId())
                .queue();
    }

    @EventHandler
    void on(RuntimeStatusConfirmed e) {
        writes.sql("UPDATE {table} SET observed_at = :at WHERE runtime_id = :id")
                .param("at", utc(e.observedAt())).param("id", e.runtimeId()).queue();
    }
}
