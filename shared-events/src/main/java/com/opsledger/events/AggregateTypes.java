package com.opsledger.events;

import java.util.Set;

/**
 * The aggregate type names the event store records with every event (its {@code type} column): the command side
 * names its aggregates by them, and the query side selects the events of an aggregate by them.
 */
public final class AggregateTypes {

    public static final String FEEDBACK = "Feedback";
    public static final String FEEDBACK_GROUP = "FeedbackGroup";
    public static final String NOTIFICATION = "Notification";
    public static final String WALLET = "Wallet";
    public static final String UNMATCHED_AUTHORIZATION = "UnmatchedAuthorization";
    public static final String CONNECTOR = "Connector";
    public static final String CONNECTION = "Connection";
    public static final String DELIVERY = "Delivery";
    public static final String INBOUND_REFUSAL = "InboundRefusal";
    public static final String REPLAY_JOB = "ReplayJob";
    public static final String RUNTIME_TASK = "RuntimeTask";

    /** Every type above: what the audit trail, which indexes all events, waits for in a read-your-writes read. */
    public static final Set<String> ALL = Set.of(FEEDBACK, FEEDBACK_GROUP, NOTIFICATION, WALLET,
            UNMATCHED_AUTHORIZATION, CONNECTOR, CONNECTION, DELIVERY, INBOUND_REFUSAL, REPLAY_JOB, RUNTIME_TASK);

    private AggregateTypes() {
    }
}
