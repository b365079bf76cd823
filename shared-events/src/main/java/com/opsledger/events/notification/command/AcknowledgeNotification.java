package com.opsledger.events.notification.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Acknowledges a notification; answers false when it was acknowledged already. */
public record AcknowledgeNotification(@TargetAggregateIdentifier String notificationId) {
}
