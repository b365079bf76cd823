package com.opsledger.events;

/**
 * Metadata every command and event carries beside its payload: who, why and from where. Axon adds the correlation
 * and trace ids itself.
 */
public final class MetaDataKeys {

    /** The operator's token subject, or {@code service:<name>} for the platform's ingest credential. */
    public static final String ACTOR = "actor";
    /** The operator's stated reason, where the step takes one. */
    public static final String REASON = "reason";
    /** The address the operator's request came from. */
    public static final String SOURCE_IP = "sourceIp";

    private MetaDataKeys() {
    }
}
