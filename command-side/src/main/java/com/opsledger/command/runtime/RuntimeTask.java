package com.opsledger.command.runtime;

import com.opsledger.command.AggregateCaching;
import com.opsledger.events.AggregateTypes;
import com.opsledger.events.runtime.RuntimeStatus;
import com.opsledger.events.runtime.command.ReportRuntimeStatus;
import com.opsledger.events.runtime.event.RuntimeStatusChanged;
import com.opsledger.events.runtime.event.RuntimeStatusConfirmed;
import com.opsledger.events.runtime.event.RuntimeTaskReported;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A runtime job or sandbox as the platform reports it. Reports may arrive out of order: one observed before the
 * newest observation (an unchanged report is recorded as one too) changes nothing, and a final status (succeeded,
 * failed, timed out) stays, so the end state is the platform's latest whatever the order.
 */
@Aggregate(cache = AggregateCaching.CACHE, type = AggregateTypes.RUNTIME_TASK)
class RuntimeTask {

    @AggregateIdentifier
    private String runtimeId;
    private RuntimeStatus status;
    private String worker;
    private Instant observedAt;

    RuntimeTask() {
        // For Axon: the aggregate is rebuilt from its events.
    }

    /** Answers whether the report changed anything. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(ReportRuntimeStatus report) {
        if (runtimeId == null) {
            apply(new RuntimeTaskReported(report.runtimeId(), report.kind(), report.platformId(), report.orgId(),
                    report.workspaceId(), report.worker(), report.connectionId(), report.status(),
                    report.observedAt(), report.detail()));
            return true;
        }
        if (status.isFinal() || report.observedAt().isBefore(observedAt)) {
            return false;
        }
        if (status == report.status() && Objects.equals(worker, report.worker())) {
            if (report.observedAt().isAfter(observedAt)) {
                apply(new RuntimeStatusConfirmed(runtimeId, report.observedAt()));
            }
            return false;
        }
        apply(new RuntimeStatusChanged(runtimeId, report.kind(), status, report.status(), report.worker(),
                report.observedAt(), report.detail()));
        return true;
    }

    @EventSourcingHandler
    void on(RuntimeTaskReported event) {
        runtimeId = event.runtimeId();
        status = event.status();
        worker = event.worker();
        observedAt = event.observedAt();
    }

    @EventSourcingHandler
    void on(RuntimeStatusConfirmed event) {
        observedAt = event.observedAt();
    }

    @EventSourcingHandler
    void on(RuntimeStatusChanged event) {
        status = event.to();
        worker = event.worker();
        observedAt = event.observedAt();
    }
}
