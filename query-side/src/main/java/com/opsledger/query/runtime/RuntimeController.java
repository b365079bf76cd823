package com.opsledger.query.runtime;

import com.opsledger.events.runtime.RuntimeKind;
import com.opsledger.events.runtime.RuntimeStatus;
import com.opsledger.query.projection.ProjectionProgress;
import com.opsledger.query.sql.ListQuery;
import com.opsledger.query.sql.ListQuery.Key;
import com.opsledger.query.sql.ListQuery.Type;
import com.opsledger.query.sql.Page;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import static com.opsledger.query.sql.SqlValues.instant;
import static com.opsledger.query.sql.SqlValues.utc;
import static com.opsledger.query.sql.SqlValues.wire;

/** The sandbox and job status views: the platform's runtime jobs and sandboxes, newest report first, filtered. */
@RestController
class RuntimeController {

    record RuntimeItem(String runtimeId, String id, String kind, String orgId, String workspaceId, String worker,
                       String connectionId, String status, String detail, Instant firstSeenAt, Instant observedAt) {
    }

    private final JdbcClient jdbc;
    private final ProjectionProgress progress;

    RuntimeController(JdbcClient jdbc, ProjectionProgress progress) {
        this.jdbc = jdbc;
        this.progress = progress;
    }

    @Operation(summary = "List sandboxes",
            description = "Sandboxes as the platform last reported them, filtered by status, worker, org, connection "
                    + "and time; most recently observed first, paged.")
    @GetMapping("/api/v1/admin/runtime/sandboxes")
    Page<RuntimeItem> sandboxes(@RequestParam(required = false) RuntimeStatus status,
                                @RequestParam(required = false) String worker,
                                @RequestParam(required = false) String orgId,
                                @RequestParam(required = false) String connectionId,
                                @RequestParam(required = false) Instant since,
                                @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) String cursor,
                                @RequestParam(required = false) Long minPosition) {
        return list(RuntimeKind.SANDBOX, status, worker, orgId, connectionId, since, limit, cursor, minPosition);
    }

    @Operation(summary = "List runtime jobs",
            description = "Jobs as the platform last reported them, filtered by status, worker, org, connection and "
                    + "time; most recently observed first, paged.")
    @GetMapping("/api/v1/admin/runtime/jobs")
    Page<RuntimeItem> jobs(@RequestParam(required = false) RuntimeStatus status,
                           @RequestParam(required = false) String worker,
                           @RequestParam(required = false) String orgId,
                           @RequestParam(required = false) String connectionId,
                           @RequestParam(required = false) Instant since,
                           @RequestParam(required = false) Integer limit,
                           @RequestParam(required = false) String cursor,
                           @RequestParam(required = false) Long minPosition) {
        return list(RuntimeKind.JOB, status, worker, orgId, connectionId, since, limit, cursor, minPosition);
    }

    @Operation(summary = "Show one runtime job",
            description = "One job by its runtimeId; an id of a sandbox is not found here.")
    @GetMapping("/api/v1/admin/runtime/jobs/{id}")
    RuntimeItem job(@PathVariable String id, @RequestParam(required = false) Long minPosition) {
        return one(RuntimeKind.JOB, id, minPosition);
    }

    @Operation(summary = "Show one sandbox",
            description = "One sandbox by its runtimeId; an id of a job is not found here.")
    @GetMapping("/api/v1/admin/runtime/sandboxes/{id}")
    RuntimeItem sandbox(@PathVariable String id, @RequestParam(required = false) Long minPosition) {
        return one(RuntimeKind.SANDBOX, id, minPosition);
    }

    /** One job or one sandbox: each endpoint serves its own kind, and an id of the other kind is not found. */
    private RuntimeItem one(RuntimeKind kind, String id, Long minPosition) {
        progress.await(RuntimeTaskProjection.READ_MODEL, minPosition);
        return jdbc.sql("SELECT * FROM " + RuntimeTaskProjection.TABLE + " WHERE runtime_id = :id AND kind = :kind")
                .param("id", id).param("kind", wire(kind))
                .query(RuntimeController::item).optional()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No " + wire(kind) + " " + id));
    }

    private Page<RuntimeItem> list(RuntimeKind kind, RuntimeStatus status, String worker, String orgId,
                                   String connectionId, Instant since, Integer limit, String cursor,
                                   Long minPosition) {
        progress.await(RuntimeTaskProjection.READ_MODEL, minPosition);
        return ListQuery.of(RuntimeTaskProjection.TABLE)
                .filter("kind = :kind", "kind", wire(kind))
                .filter("status = :status", "status", wire(status))
                .filter("worker = :worker", "worker", worker)
                .filter("org_id = :org", "org", orgId)
                .filter("connection_id = :connection", "connection", connectionId)
                .filter("observed_at >= :since", "since", utc(since))
                .orderBy(Key.desc("observed_at", Type.INSTANT), Key.desc("runtime_id", Type.TEXT))
                .page(jdbc, limit, cursor, RuntimeController::item);
    }

    private static RuntimeItem item(ResultSet rs, int n) throws SQLException {
        return new RuntimeItem(rs.getString("runtime_id"), rs.getString("platform_id"), rs.getString("kind"),
                rs.getString("org_id"), rs.getString("workspace_id"), rs.getString("worker"),
                rs.getString("connection_id"), rs.getString("status"), rs.getString("detail"),
                instant(rs, "first_seen_at"), instant(rs, "observed_at"));
    }
}
