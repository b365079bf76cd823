package com.opsledger.events.notification.command;

import com.opsledger.events.notification.NotificationSeverity;
import com.opsledger.events.notification.NotificationKind;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records a platform notification once per platform id; a repeat with the same content is a no-op.
 *
 * @param detailsJson the details object, kept as the JSON text the platform sent
 */
public record ReceiveNotification(@TargetAggregateIdentifier String notificationId, String platformId,
                                  NotificationKind kind, String source, NotificationSeverity severity, String summary,
                                  Instant occurredAt, String detailsJson, String contentHash) {
}
