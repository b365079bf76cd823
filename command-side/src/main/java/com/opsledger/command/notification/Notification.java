package com.opsledger.command.notification;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.RuleViolation;
import com.opsledger.events.notification.command.AcknowledgeNotification;
import com.opsledger.events.notification.event.NotificationAcknowledged;
import com.opsledger.events.notification.event.NotificationReceived;
import com.opsledger.events.notification.command.ReceiveNotification;
import com.opsledger.command.AggregateCaching;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A platform alert that operators acknowledge once they have seen it. */
@Aggregate(cache = AggregateCaching.CACHE, type = AggregateTypes.NOTIFICATION)
class Notification {

    @AggregateIdentifier
    private String notificationId;
    private String contentHash;
    private boolean acknowledged;

    Notification() {
        // For Axon: the aggregate is rebuilt from its events.
    }

    /** Answers whether this command recorded the notification (false for a repeat of the same one). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(ReceiveNotification command) {
        if (notificationId != null) {
            if (!contentHash.equals(command.contentHash())) {
                throw new RuleViolation("notification id '" + command.platformId()
                        + "' was already used for a different notification");
            }
            return false;
        }
        apply(new NotificationReceived(command.notificationId(), command.platformId(), command.kind(),
                command.source(), command.severity(), command.summary(), command.occurredAt(), command.detailsJson(),
                command.contentHash()));
        return true;
    }

    /** Answers whether this command acknowledged it (false when it had been acknowledged already). */
    @CommandHandler
    boolean handle(AcknowledgeNotification command) {
        if (acknowledged) {
            return false;
        }
        apply(new NotificationAcknowledged(notificationId));
        return true;
    }

    @EventSourcingHandler
    void on(NotificationReceived event) {
        notificationId = event.notificationId();
        contentHash = event.contentHash();
    }

    @EventSourcingHandler
    void on(NotificationAcknowledged event) {
        acknowledged = true;
    }
}
