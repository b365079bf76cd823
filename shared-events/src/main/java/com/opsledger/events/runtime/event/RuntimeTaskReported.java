package com.opsledger.events.runtime.event;

import com.opsledger.events.OrgScoped;
import com.opsledger.events.runtime.RuntimeKind;
import com.opsledger.events.runtime.RuntimeStatus;

import java.time.Instant;

/** The first report of a job or sandbox. */
public record RuntimeTaskReported(String runtimeId, RuntimeKind kind, String platformId, String orgId,
                                  String workspaceId, String worker, String connectionId, RuntimeStatus status,
                                  Instant observedAt, String detail) implements OrgScoped {
}
