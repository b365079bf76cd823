package com.opsledger.events.notification;

public enum NotificationKind {
    SCHEDULE_COMPLETED, SCHEDULE_FAILED, MESSAGE_EVENT, USAGE_EVENT,
    /** Raised by OpsLedger itself: an attempt to a connection's worker had no outcome within its timeout. */
    CONNECTOR_STALLED,
    /** Raised by OpsLedger itself: the deliveries waiting for a connection's worker passed the spike threshold. */
    CONNECTOR_QUEUE_SPIKE
}
