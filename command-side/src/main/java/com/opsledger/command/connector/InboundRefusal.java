package com.opsledger.command.connector;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.connector.command.RecordInboundRefusals;
import com.opsledger.events.connector.event.InboundEventRefused;
import com.opsledger.events.connector.event.InboundEventsRefused;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The webhooks refused for one connection in one window. Each node that refused some records its own count, so
 * the window's stream holds one event per node. Not cached: nothing asks about a window again.
 */
@Aggregate(type = AggregateTypes.INBOUND_REFUSAL)
class InboundRefusal {

    @AggregateIdentifier
    private String refusalId;

    InboundRefusal() {
        // For Axon: the aggregate is rebuilt from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordInboundRefusals command) {
        apply(new InboundEventsRefused(command.refusalId(), command.connectionId(), command.windowStart(),
                command.windowEnd(), command.refused(), command.postures(), command.sample()));
    }

    @EventSourcingHandler
    void on(InboundEventsRefused event) {
        refusalId = event.refusalId();
    }

    /** A refusal recorded one per request, before they were aggregated. */
    @EventSourcingHandler
    void on(InboundEventRefused event) {
        refusalId = event.refusalId();
    }
}
