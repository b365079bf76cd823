package com.opsledger.events.notification;

import java.time.Instant;

public record NotificationReceived(String notificationId, String platformId, NotificationKind kind, String source,
                                   NotificationSeverity severity, String summary, Instant occurredAt,
                                   String detailsJson, String contentHash) {
}
