package com.opsledger.command;

import com.opsledger.events.EventStoreSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.OptionalLong;

/**
 * Global positions in the event store, for read-your-writes: a command answer carries the position of the last event
 * of the aggregates it touched, and a read may wait until its projection has passed it.
 */
@Component
public class EventPositions {

    private final JdbcClient jdbc;

    EventPositions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The position of the newest event of any of these aggregates; empty when none of them exists. */
    public OptionalLong lastPositionOf(Collection<String> aggregateIds) {
        long position = jdbc.sql(EventStoreSql.LAST_POSITION_OF)
                .param("ids", aggregateIds)
                .query(Long.class)
                .single();
        return position == 0 ? OptionalLong.empty() : OptionalLong.of(position);
    }

    public long lastPositionOf(String aggregateId) {
        return lastPositionOf(java.util.List.of(aggregateId)).orElse(0);
    }
}
