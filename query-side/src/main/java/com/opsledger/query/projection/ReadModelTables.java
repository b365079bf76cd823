package com.opsledger.query.projection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a projection instance writes its tables. The live instances (Spring's beans) write the names as the code
 * writes them, {@code read_model.feedback_v1}: the table itself, or once a rebuild has been swapped in, the view over
 * the live generation's table. An instance that builds generation {@code n} beside them writes {@code
 * read_model.feedback_v1__g<n>} ({@link ProjectionRebuilds}), and this object remembers which tables that are.
 */
@Component
public final class ReadModelTables {

    private final NamedParameterJdbcTemplate jdbc;
    private final int generation;
    private final List<String> written = new ArrayList<>();

    /** The tables of the live instances. */
    @Autowired
    ReadModelTables(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, 0);
    }

    private ReadModelTables(NamedParameterJdbcTemplate jdbc, int generation) {
        this.jdbc = jdbc;
        this.generation = generation;
    }

    static ReadModelTables generation(NamedParameterJdbcTemplate jdbc, int generation) {
        return new ReadModelTables(jdbc, generation);
    }

    /** The writes of one table, named as the read model names it (a constant of the code, never input). */
    public ProjectionWrites writes(String table) {
        written.add(table);
        return new ProjectionWrites(jdbc, generation == 0 ? table : physical(table, generation));
    }

    /** The read model's names of the tables asked for so far. */
    List<String> written() {
        return List.copyOf(written);
    }

    /** The table of generation {@code generation} of {@code table} ({@code read_model.x} → {@code read_model.x__g2}). */
    static String physical(String table, int generation) {
        return table + "__g" + generation;
    }
}
