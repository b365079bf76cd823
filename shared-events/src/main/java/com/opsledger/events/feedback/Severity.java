package com.opsledger.events.feedback;

/** Triage urgency, most urgent first; queues sort by this order. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW
}
