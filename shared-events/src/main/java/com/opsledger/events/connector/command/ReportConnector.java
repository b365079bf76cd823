package com.opsledger.events.connector.command;

import com.opsledger.events.connector.ConnectorHealth;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * The platform's report of a connector of its catalog (github, slack, gmail, stripe): its version and health as of
 * {@code observedAt}. The first one catalogs it; an older report than the newest recorded, or the same again,
 * changes nothing.
 */
public record ReportConnector(@TargetAggregateIdentifier String connectorId, String name, String version,
                              ConnectorHealth health, Instant observedAt, String detail) {
}
