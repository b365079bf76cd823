package com.opsledger.events.runtime;

/** What the platform runs for an org: a job on a runtime worker, or a sandbox an agent works in. */
public enum RuntimeKind {
    JOB, SANDBOX
}
