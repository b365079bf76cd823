package com.opsledger.events.notification.event;

import com.opsledger.events.notification.NotificationSeverity;
import com.opsledger.events.notification.NotificationKind;

import java.time.Instant;

public record NotificationReceived(String notificationId, String platformId, NotificationKind kind, String source,
                                   NotificationSeverity severity, String summary, Instant occurredAt,
                                   String detailsJson, String contentHash) {
}
