package com.opsledger.query.projection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DDL that rebuilds and version switches share: where a read model's live rows are, and tables and indexes made
 * like the live ones.
 */
@Component
class ReadModelSchema {

    private static final Pattern INDEX = Pattern.compile("CREATE (UNIQUE )?INDEX (\\S+) ON (\\S+) (.*)");
    private static final int MAX_NAME = 63;

    private final JdbcTemplate jdbc;

    ReadModelSchema(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The generation whose tables the read model's names show: 1 until a rebuild was swapped in. */
    int liveGeneration(String projection) {
        return jdbc.query("SELECT generation FROM read_model.projection_generation WHERE projection = ? "
                + "AND state = 'live'", (rs, n) -> rs.getInt(1), projection).stream().findFirst().orElse(1);
    }

    /** The table that holds the live rows of {@code table}, a table of {@code projection}. */
    String livePhysical(String projection, String table) {
        return physicalOf(table, liveGeneration(projection));
    }

    /** Where generation {@code generation} of {@code table} is: the table itself for generation 1 before a swap. */
    String physicalOf(String table, int generation) {
        return generation == 1 && isTable(table) ? table : ReadModelTables.physical(table, generation);
    }

    boolean isTable(String table) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT relkind = 'r' FROM pg_class WHERE oid = "
                + "?::regclass", Boolean.class, table));
    }

    /** A table like {@code live}: columns, defaults, checks and unique indexes (those {@code ON CONFLICT} needs). */
    void createLike(String live, String table) {
        jdbc.execute("CREATE TABLE " + table + " (LIKE " + live + " INCLUDING ALL EXCLUDING INDEXES)");
        copyIndexes(live, table, true);
    }

    /**
     * The unique (or else the other) indexes of {@code from}, made again on {@code to}, named after it: {@code
     * feedback_v1_queue} of {@code feedback_v1} is {@code feedback_v1__g2_queue} on {@code feedback_v1__g2}.
     */
    void copyIndexes(String from, String to, boolean unique) {
        for (String definition : jdbc.queryForList("SELECT pg_get_indexdef(indexrelid) FROM pg_index "
                + "WHERE indrelid = ?::regclass AND indisunique = ?", String.class, from, unique)) {
            Matcher index = INDEX.matcher(definition);
            if (!index.matches()) {
                throw new IllegalStateException("cannot read the index " + definition);
            }
            jdbc.execute("CREATE " + (index.group(1) == null ? "" : "UNIQUE ") + "INDEX IF NOT EXISTS "
                    + indexName(index.group(2), unqualified(from), unqualified(to)) + " ON " + to + " "
                    + index.group(4));
        }
        jdbc.execute("ANALYZE " + to);
    }

    private static String indexName(String index, String from, String to) {
        String name = index.startsWith(from) ? to + index.substring(from.length()) : index + "_" + to;
        return name.length() <= MAX_NAME ? name
                : name.substring(0, MAX_NAME - 9) + "_" + Integer.toHexString(name.hashCode());
    }

    static String unqualified(String table) {
        return table.substring(table.indexOf('.') + 1);
    }
}
