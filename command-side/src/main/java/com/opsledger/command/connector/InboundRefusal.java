package com.opsledger.command.connector;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.connector.command.RefuseInboundEvent;
import com.opsledger.events.connector.event.InboundEventRefused;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One refused inbound webhook: its id is derived from everything the request carried, so that a sender repeating
 * the same bad request is recorded once. Not cached: nothing asks about a refusal again but its repeats.
 */
@Aggregate(type = AggregateTypes.INBOUND_REFUSAL)
class InboundRefusal {

    @AggregateIdentifier
    private String refusalId;

    InboundRefusal() {
        // For Axon: the aggregate is rebuilt from its events.
    }

    /** Answers whether this recorded the refusal (false for a repeat of the same request). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(RefuseInboundEvent command) {
        if (refusalId != null) {
            return false;
        }
        apply(new InboundEventRefused(command.refusalId(), command.connectionId(), command.posture(),
                command.upstreamId(), command.payloadBytes(), command.payloadHash(), command.receivedAt()));
        return true;
    }

    @EventSourcingHandler
    void on(InboundEventRefused event) {
        refusalId = event.refusalId();
    }
}
