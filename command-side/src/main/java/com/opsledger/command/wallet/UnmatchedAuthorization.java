package com.opsledger.command.wallet;

import com.opsledger.command.AggregateCaching;
import com.opsledger.events.AggregateTypes;
import com.opsledger.events.wallet.AuthorizationReason;
import com.opsledger.events.wallet.WalletIds;
import com.opsledger.events.wallet.command.DeclineInvalidAuthorization;
import com.opsledger.events.wallet.command.DeclineUnmatchedAuthorization;
import com.opsledger.events.wallet.event.InvalidAuthorizationDeclined;
import com.opsledger.events.wallet.event.UnmatchedAuthorizationDeclined;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An authorization Stripe asked about that no wallet decides, always declined and recorded once: one for a card no
 * wallet holds (by the authorization's id), or one of impossible values (by the request's hash).
 */
@Aggregate(cache = AggregateCaching.CACHE, type = AggregateTypes.UNMATCHED_AUTHORIZATION)
class UnmatchedAuthorization {

    @AggregateIdentifier
    private String authorizationId;
    private AuthorizationAnswer answer;

    UnmatchedAuthorization() {
        // For Axon: the aggregate is rebuilt from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    AuthorizationAnswer handle(DeclineUnmatchedAuthorization command) {
        if (answer == null) {
            String explanation = command.namedWalletId() == null
                    ? "card " + command.cardId() + " names no wallet in its metadata"
                    : "card " + command.cardId() + " names wallet " + command.namedWalletId()
                            + ", which does not exist";
            apply(new UnmatchedAuthorizationDeclined(command.authorizationId(),
                    WalletIds.decisionFor(command.authorizationId()), command.cardId(), command.namedWalletId(),
                    command.amount(), command.currency(), command.merchantName(), command.category(), explanation,
                    command.receivedAt()));
        }
        return answer;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    AuthorizationAnswer handle(DeclineInvalidAuthorization command) {
        if (answer == null) {
            apply(new InvalidAuthorizationDeclined(command.requestId(), WalletIds.decisionFor(command.requestId()),
                    command.authorizationId(), command.namedWalletId(), command.faults(), command.receivedAt()));
        }
        return answer;
    }

    @EventSourcingHandler
    void on(InvalidAuthorizationDeclined event) {
        authorizationId = event.requestId();
        answer = new AuthorizationAnswer(event.decisionId(), false, AuthorizationReason.INVALID_REQUEST,
                "the request's values are impossible: " + String.join("; ", event.faults()));
    }

    @EventSourcingHandler
    void on(UnmatchedAuthorizationDeclined event) {
        authorizationId = event.authorizationId();
        answer = new AuthorizationAnswer(event.decisionId(), false, AuthorizationReason.UNKNOWN_CARD,
                event.explanation());
    }
}
