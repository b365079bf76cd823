package com.opsledger.events.notification;

public record NotificationAcknowledged(String notificationId) {
}
