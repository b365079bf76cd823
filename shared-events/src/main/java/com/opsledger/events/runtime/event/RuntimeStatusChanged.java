package com.opsledger.events.runtime.event;

import com.opsledger.events.runtime.RuntimeKind;
import com.opsledger.events.runtime.RuntimeStatus;

import java.time.Instant;

/** A newer report of a job or sandbox: its status, and the worker that has it now. */
public record RuntimeStatusChanged(String runtimeId, RuntimeKind kind, RuntimeStatus from, RuntimeStatus to,
                                   String worker, Instant observedAt, String detail) {
}
