package com.opsledger.events.connector.command;

import com.opsledger.events.connector.ConnectionStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The platform's report of a connection's state; a report older than the one recorded is ignored. */
public record ReportConnectionStatus(@TargetAggregateIdentifier String connectionId, ConnectionStatus status,
                                     Instant observedAt) {
}
