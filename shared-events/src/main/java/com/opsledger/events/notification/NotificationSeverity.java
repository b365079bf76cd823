package com.opsledger.events.notification;

/** Alert level of a platform notification, most urgent first. */
public enum NotificationSeverity {
    CRITICAL, ERROR, WARNING, INFO
}
