package com.opsledger.command.runtime;

import com.opsledger.command.CommandSender;
import com.opsledger.command.EventPositions;
import com.opsledger.command.ReportedTimes;
import com.opsledger.events.runtime.RuntimeIds;
import com.opsledger.events.runtime.RuntimeKind;
import com.opsledger.events.runtime.RuntimeStatus;
import com.opsledger.events.runtime.command.ReportRuntimeStatus;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * The platform reports its runtime jobs and sandboxes here, with its service credential: each report names the
 * job's or sandbox's own id, so a retry changes nothing (200 with {@code changed: false}).
 */
@RestController
class RuntimeIngestController {

    record Report(@NotBlank @Size(max = 200) String id, @NotBlank @Size(max = 200) String orgId,
                  @NotBlank @Size(max = 200) String workspaceId, @NotBlank @Size(max = 200) String worker,
                  @Size(min = 1, max = 200) String connectionId, @NotNull RuntimeStatus status,
                  @NotNull Instant observedAt, @Size(max = 2000) String detail) {
    }

    record Receipt(String runtimeId, String id, boolean changed, long position) {
    }

    private final CommandSender commands;
    private final EventPositions positions;
    private final ReportedTimes times;

    RuntimeIngestController(CommandSender commands, EventPositions positions, ReportedTimes times) {
        this.commands = commands;
        this.positions = positions;
        this.times = times;
    }

    @Operation(summary = "Report a runtime job",
            description = "The platform reports a job's status (queued, running, succeeded, failed, timed_out) as "
                    + "observed at a time. 201 for the first report of the job, 200 after; a report observed before "
                    + "the newest one, or after a final status, changes nothing (changed: false).")
    @PostMapping("/api/v1/ingest/runtime/jobs")
    ResponseEntity<Receipt> job(@Valid @RequestBody Report report) {
        return report(RuntimeKind.JOB, report);
    }

    @Operation(summary = "Report a sandbox",
            description = "The platform reports a sandbox's status, as for jobs. 201 for the first report, 200 after; "
                    + "older reports and reports after a final status change nothing.")
    @PostMapping("/api/v1/ingest/runtime/sandboxes")
    ResponseEntity<Receipt> sandbox(@Valid @RequestBody Report report) {
        return report(RuntimeKind.SANDBOX, report);
    }

    private ResponseEntity<Receipt> report(RuntimeKind kind, Report report) {
        times.requireNotAhead("observedAt", report.observedAt());
        String runtimeId = RuntimeIds.of(kind, report.id());
        long before = positions.lastPositionOf(runtimeId);
        boolean changed = commands.send(new ReportRuntimeStatus(runtimeId, kind, report.id(), report.orgId(),
                report.workspaceId(), report.worker(), report.connectionId(), report.status(), report.observedAt(),
                report.detail()));
        Receipt receipt = new Receipt(runtimeId, report.id(), changed, positions.lastPositionOf(runtimeId));
        return changed && before == 0 ? ResponseEntity.status(201).body(receipt) : ResponseEntity.ok(receipt);
    }
}
