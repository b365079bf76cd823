package com.opsledger.app.database;

import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes over a database migrated before each module owned its migrations (main d61cd4a and earlier): one location,
 * {@code V1}..{@code V5}, with every read model in {@code V2__read_models.sql}. Its schema is what today's
 * {@code V1}..{@value #SAME_SCHEMA_AS} create, so its history is kept aside, renamed to {@value #ARCHIVED}, and a new
 * history starts at a baseline of {@value #SAME_SCHEMA_AS}; the later migrations then run as on any database. Both
 * steps are idempotent, so a crash between them is finished by the next start.
 */
public final class SingleLocationHistory {

    /** The last version of the single-location layout; older databases first take that release's migrations. */
    static final int LAST_VERSION = 5;
    /** Today's version whose schema equals that of {@link #LAST_VERSION} in the single-location layout. */
    static final String SAME_SCHEMA_AS = "7";
    static final String ARCHIVED = "flyway_schema_history_single_location";

    private SingleLocationHistory() {
    }

    public static void adopt(Flyway flyway) {
        String history = flyway.getConfiguration().getTable();
        try (Connection c = flyway.getConfiguration().getDataSource().getConnection();
             Statement sql = c.createStatement()) {
            if (exists(sql, history) && isSingleLocation(sql, history)) {
                int version = single(sql, "SELECT max(version::int) FROM " + history + " WHERE success");
                if (version != LAST_VERSION) {
                    throw new IllegalStateException("the database is at migration " + version + " of the "
                            + "single-location layout; migrate it with release d61cd4a (version " + LAST_VERSION
                            + ") first");
                }
                archive(c, sql, history);
            }
            if (exists(sql, ARCHIVED) && !exists(sql, history)) {
                Flyway.configure().configuration(flyway.getConfiguration())
                        .baselineVersion(SAME_SCHEMA_AS)
                        .baselineDescription("schema of the single-location layout; its history is in " + ARCHIVED)
                        .load()
                        .baseline();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the migration history", e);
        }
    }

    /** Renames the table and its indexes (their names are unique per schema), in one transaction. */
    private static void archive(Connection c, Statement sql, String history) throws SQLException {
        c.setAutoCommit(false);
        List<String> indexes = new ArrayList<>();
        try (ResultSet rs = sql.executeQuery("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                + " AND tablename = '" + history + "'")) {
            while (rs.next()) {
                indexes.add(rs.getString(1));
            }
        }
        sql.execute("ALTER TABLE " + history + " RENAME TO " + ARCHIVED);
        for (String index : indexes) {
            sql.execute("ALTER INDEX " + index + " RENAME TO " + index.replace(history, ARCHIVED));
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static boolean exists(Statement sql, String table) throws SQLException {
        try (ResultSet rs = sql.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static boolean isSingleLocation(Statement sql, String history) throws SQLException {
        return single(sql, "SELECT count(*) FROM " + history + " WHERE script = 'V2__read_models.sql'") > 0;
    }

    private static int single(Statement sql, String query) throws SQLException {
        try (ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
