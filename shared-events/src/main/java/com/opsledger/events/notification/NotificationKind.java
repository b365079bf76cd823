package com.opsledger.events.notification;

public enum NotificationKind {
    SCHEDULE_COMPLETED, SCHEDULE_FAILED, MESSAGE_EVENT, USAGE_EVENT
}
