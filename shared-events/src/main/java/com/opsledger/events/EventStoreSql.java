package com.opsledger.events;

/**
 * The event store as plain SQL, for the reads both sides make of it beside Axon (read-your-writes positions, lag):
 * Axon's JDBC schema in the snake case its Flyway migration creates. Positions start at 1; 0 stands for "none".
 */
public final class EventStoreSql {

    public static final String EVENTS = "domain_event_entry";
    /** The newest position in the store. */
    public static final String HEAD_POSITION = "SELECT coalesce(max(global_index), 0) FROM " + EVENTS;
    /** The newest position among the events of the aggregates {@code :ids}. */
    public static final String LAST_POSITION_OF = HEAD_POSITION + " WHERE aggregate_identifier IN (:ids)";

    private EventStoreSql() {
    }
}
