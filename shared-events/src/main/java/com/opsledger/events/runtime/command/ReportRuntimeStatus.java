package com.opsledger.events.runtime.command;

import com.opsledger.events.runtime.RuntimeKind;
import com.opsledger.events.runtime.RuntimeStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The platform's report of a job or sandbox as of {@code observedAt}. The first one records it; a report older than
 * the newest recorded, or after a final status, changes nothing.
 *
 * @param connectionId the connection whose events it works on, or null
 * @param detail       what the platform says of it (an error, an exit reason), or null
 */
public record ReportRuntimeStatus(@TargetAggregateIdentifier String runtimeId, RuntimeKind kind, String platformId,
                                  String orgId, String workspaceId, String worker, String connectionId,
                                  RuntimeStatus status, Instant observedAt, String detail) {
}
