package com.opsledger.query.projection;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read model's rows as some events alone make them: the projection's own handlers, new instances writing
 * temporary tables shaped like the live ones, run on just those events, in one transaction that is rolled back. The
 * audit trail folds an aggregate's history up to a point with it, so the state it shows is the read model's own
 * reading of the events, not a second one that could disagree with it.
 */
@Component
public class ProjectionFold {

    /** The rows of {@code table} (as the read model names it) whose {@code column} equals {@code value}. */
    public record Read(String table, String column, Object value) {
    }

    private final ProjectionRebuilds projections;
    private final ReadModelSchema schema;
    private final NamedParameterJdbcTemplate named;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    ProjectionFold(ProjectionRebuilds projections, ReadModelSchema schema, NamedParameterJdbcTemplate named,
                   JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.projections = projections;
        this.schema = schema;
        this.named = named;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /**
     * A row with its values as JSON writes them: times as instants, arrays as lists, and other driver types (JSON
     * columns) as their text.
     */
    private static Map<String, Object> plain(Map<String, Object> row) {
        Map<String, Object> values = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            try {
                values.put(column, value instanceof Timestamp time ? time.toInstant()
                        : value instanceof Array array ? List.of((Object[]) array.getArray())
                        : value == null || value instanceof String || value instanceof Number
                        || value instanceof Boolean ? value : value.toString());
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read column " + column, e);
            }
        });
        return values;
    }

    /** Runs {@code events}, in order, through the handlers of {@code projection}, and reads {@code reads} back. */
    public Map<String, List<Map<String, Object>>> fold(String projection, List<? extends EventMessage<?>> events,
                                                       List<Read> reads) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            ReadModelTables tables = ReadModelTables.scratch(named);
            List<AnnotationEventHandlerAdapter> handlers = projections.handlers(projection, tables).stream()
                    .map(AnnotationEventHandlerAdapter::new).toList();
            for (String table : tables.written()) {
                jdbc.execute("CREATE TEMP TABLE " + ReadModelSchema.unqualified(table)
                        + " (LIKE " + schema.livePhysical(projection, table) + " INCLUDING ALL) ON COMMIT DROP");
            }
            for (EventMessage<?> event : events) {
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(event)) {
                        try {
                            handler.handle(event);
                        } catch (Exception e) {
                            throw new IllegalStateException("cannot fold event " + event.getIdentifier() + ": "
                                    + e.getMessage(), e);
                        }
                    }
                }
            }
            Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
            for (Read read : reads) {
                rows.put(read.table(), jdbc.queryForList("SELECT * FROM " + ReadModelTables.scratch(read.table())
                        + " WHERE " + read.column() + " = ?", read.value()).stream().map(ProjectionFold::plain)
                        .toList());
            }
            return rows;
        });
    }
}
