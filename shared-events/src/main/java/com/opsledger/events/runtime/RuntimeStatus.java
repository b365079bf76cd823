package com.opsledger.events.runtime;

/** How a job or sandbox stands; the last three are final. */
public enum RuntimeStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, TIMED_OUT;

    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == TIMED_OUT;
    }
}
