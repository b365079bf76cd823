package com.opsledger.query.sql;

import com.opsledger.events.WireName;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions between Java values and SQL parameters and columns. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column as an instant; null stays null. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** An enum in its wire form (e.g. {@code in_progress}), as the read models store it; null stays null. */
    public static String wire(Enum<?> value) {
        return value == null ? null : WireName.of(value);
    }

    /** {@code text} as a LIKE pattern that finds it anywhere: its own % and _ match themselves. */
    public static String containing(String text) {
        return text == null ? null
                : "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** An instant as the driver binds it to {@code timestamptz}; null stays null. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
