package com.opsledger.command.connector;

import com.opsledger.command.AggregateCaching;
import com.opsledger.events.AggregateTypes;
import com.opsledger.events.connector.ConnectorHealth;
import com.opsledger.events.connector.command.ReportConnector;
import com.opsledger.events.connector.event.ConnectorCataloged;
import com.opsledger.events.connector.event.ConnectorStatusConfirmed;
import com.opsledger.events.connector.event.ConnectorStatusReported;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A connector of the catalog (github, slack, gmail, stripe) with its version and health as last reported. */
@Aggregate(cache = AggregateCaching.CACHE, type = AggregateTypes.CONNECTOR)
class Connector {

    @AggregateIdentifier
    private String connectorId;
    private String version;
    private ConnectorHealth health;
    private Instant observedAt;

    Connector() {
        // For Axon: the aggregate is rebuilt from its events.
    }

    /**
     * Answers whether the report changed anything: false for one observed no later than the newest observation, and
     * for the same again, which is recorded as the newest observation so that no older report outranks it.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(ReportConnector report) {
        if (connectorId == null) {
            apply(new ConnectorCataloged(report.connectorId(), report.name(), report.version(), report.health(),
                    report.observedAt(), report.detail()));
            return true;
        }
        if (report.observedAt().isBefore(observedAt)) {
            return false;
        }
        if (report.version().equals(version) && report.health() == health) {
            if (report.observedAt().isAfter(observedAt)) {
                apply(new ConnectorStatusConfirmed(connectorId, report.name(), report.observedAt()));
            }
            return false;
        }
        apply(new ConnectorStatusReported(connectorId, report.name(), report.version(), report.health(),
                report.observedAt(), report.detail()));
        return true;
    }

    @EventSourcingHandler
    void on(ConnectorCataloged event) {
        connectorId = event.connectorId();
        version = event.version();
        health = event.health();
        observedAt = event.observedAt();
    }

    @EventSourcingHandler
    void on(ConnectorStatusConfirmed event) {
        observedAt = event.observedAt();
    }

    @EventSourcingHandler
    void on(ConnectorStatusReported event) {
        version = event.version();
        health = event.health();
        observedAt = event.observedAt();
    }
}
