package com.opsledger.events.notification.event;

public record NotificationAcknowledged(String notificationId) {
}
