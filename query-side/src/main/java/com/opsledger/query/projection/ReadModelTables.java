package com.opsledger.query.projection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where a projection instance writes its tables. The live instances (Spring's beans) write the names as the code
 * writes them, {@code read_model.feedback_v1}: the table itself, or once a rebuild has been swapped in, the view over
 * the live generation's table. An instance that builds generation {@code n} beside them writes {@code
 * read_model.feedback_v1__g<n>} ({@link ProjectionRebuilds}), and one that folds an aggregate's history for the audit
 * trail writes temporary tables ({@link ProjectionFold}); this object remembers which tables that are.
 */
@Component
public final class ReadModelTables {

    private final NamedParameterJdbcTemplate jdbc;
    private final UnaryOperator<String> naming;
    private final List<String> written = new ArrayList<>();

    /** The tables of the live instances. */
    @Autowired
    ReadModelTables(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, UnaryOperator.identity());
    }

    private ReadModelTables(NamedParameterJdbcTemplate jdbc, UnaryOperator<String> naming) {
        this.jdbc = jdbc;
        this.naming = naming;
    }

    static ReadModelTables generation(NamedParameterJdbcTemplate jdbc, int generation) {
        return new ReadModelTables(jdbc, table -> physical(table, generation));
    }

    /** Temporary tables of the same names, private to one transaction ({@link ProjectionFold}). */
    static ReadModelTables scratch(NamedParameterJdbcTemplate jdbc) {
        return new ReadModelTables(jdbc, ReadModelTables::scratch);
    }

    /** The writes of one table, named as the read model names it (a constant of the code, never input). */
    public ProjectionWrites writes(String table) {
        written.add(table);
        return new ProjectionWrites(jdbc, naming.apply(table));
    }

    /** The read model's names of the tables asked for so far. */
    List<String> written() {
        return List.copyOf(written);
    }

    /** The temporary table standing in for {@code table} ({@code read_model.x} → {@code pg_temp.x}). */
    static String scratch(String table) {
        return "pg_temp." + table.substring(table.indexOf('.') + 1);
    }

    /** The table of generation {@code generation} of {@code table} ({@code read_model.x} → {@code read_model.x__g2}). */
    static String physical(String table, int generation) {
        return table + "__g" + generation;
    }
}
