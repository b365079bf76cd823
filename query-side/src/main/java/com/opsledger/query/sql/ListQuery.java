package com.opsledger.query.sql;

import com.opsledger.events.Instants;
import com.opsledger.events.InvalidInput;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One list of a read model: optional filters, a sort, keyset paging and a capped total, read in one statement.
 *
 * <pre>{@code
 * ListQuery.of("read_model.notification_v1")
 *         .filter("kind = :kind", "kind", kind)
 *         .orderBy(Key.desc("occurred_at", Type.INSTANT), Key.desc("notification_id", Type.TEXT))
 *         .page(jdbc, limit, cursor, this::item);
 * }</pre>
 *
 * The cursor is opaque to clients: the sort key of the last row served, from which the next page continues (stable
 * under inserts, as fast on page 1,000 as on page 1). Every value is a bound parameter, never spliced into the SQL.
 */
public final class ListQuery {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    private static final String SEPARATOR = "\u001f";
    private static final String TOTAL_COLUMN = "total_matches";

    /** How a sort column's value is written into a cursor and read back. */
    public enum Type { INT, LONG, TEXT, INSTANT }

    /** One column of the sort; its value is read from the result column of the same name (after any alias). */
    public record Key(String column, Type type, boolean descending) {
        public static Key asc(String column, Type type) {
            return new Key(column, type, false);
        }

        public static Key desc(String column, Type type) {
            return new Key(column, type, true);
        }

        String label() {
            return column.substring(column.lastIndexOf('.') + 1);
        }
    }

    private final String table;
    private String joins = "";
    private String columns = "*";
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();
    private List<Key> sort = List.of();

    private ListQuery(String table) {
        this.table = table;
    }

    /** The listed and counted table, with the alias the filters use if any. */
    public static ListQuery of(String table) {
        return new ListQuery(table);
    }

    /** Tables joined to each row (a LEFT JOIN that adds columns); they do not change what is counted. */
    public ListQuery join(String joins) {
        this.joins = " " + joins;
        return this;
    }

    public ListQuery select(String columns) {
        this.columns = columns;
        return this;
    }

    /** Adds {@code condition} with its parameter when the value is present. */
    public ListQuery filter(String condition, String param, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.put(param, value);
        }
        return this;
    }

    /** Adds a condition without parameters when {@code when} holds. */
    public ListQuery filterIf(boolean when, String condition) {
        if (when) {
            conditions.add(condition);
        }
        return this;
    }

    /** The sort; it must end in a unique column, so that every row has its own place. */
    public ListQuery orderBy(Key... keys) {
        this.sort = List.of(keys);
        return this;
    }

    /**
     * Up to {@code limit} rows (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}) after {@code cursor},
     * with the total of all matches (not only those after the cursor). One statement reads the rows and the total;
     * one row more than the page says whether there is a next page. A page with no rows (a cursor past the end) has
     * no row to carry the total, which is then counted on its own.
     */
    public <T> Page<T> page(JdbcClient jdbc, Integer limit, String cursor, RowMapper<T> mapper) {
        int size = pageSize(limit);
        Map<String, Object> bound = new HashMap<>(params);
        List<String> where = new ArrayList<>(conditions);
        if (cursor != null && !cursor.isBlank()) {
            List<Object> after = decode(cursor);
            for (int i = 0; i < sort.size(); i++) {
                bound.put(cursorParam(i), after.get(i));
            }
            where.add(after());
        }
        long[] matches = new long[1];
        List<Object[]> keys = new ArrayList<>();
        List<T> rows = jdbc.sql("SELECT " + columns + ", " + cappedCount() + " AS " + TOTAL_COLUMN + " FROM " + table
                        + joins + whereClause(where) + orderClause() + " LIMIT :limit")
                .params(bound).param("limit", size + 1)
                .query((rs, n) -> {
                    matches[0] = rs.getLong(TOTAL_COLUMN);
                    keys.add(sortKey(rs));
                    return mapper.mapRow(rs, n);
                }).list();
        Total total = rows.isEmpty() ? total(jdbc) : Total.of(matches[0]);
        if (rows.size() <= size) {
            return new Page<>(rows, total.count(), total.exact(), size, null);
        }
        return new Page<>(List.copyOf(rows.subList(0, size)), total.count(), total.exact(), size,
                encode(keys.get(size - 1)));
    }

    /**
     * Every matching row in the sort's order, without paging or total, handed to {@code rows} one at a time. Run in a
     * transaction on a template with a fetch size, the driver reads them through a cursor, that many at a time, so
     * that any number of rows takes the same memory.
     */
    public void each(NamedParameterJdbcTemplate jdbc, RowCallbackHandler rows) {
        jdbc.query("SELECT " + columns + " FROM " + table + joins + whereClause(conditions) + orderClause(), params,
                rows);
    }

    /** The capped count of the rows that match the filters. */
    public Total total(JdbcClient jdbc) {
        return Total.of(jdbc.sql("SELECT " + cappedCount()).params(params).query(Long.class).single());
    }

    static int pageSize(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    /**
     * The capped count as a scalar sub-select, read in the same statement as the page's rows; PostgreSQL runs an
     * uncorrelated sub-select once per statement, not once per row.
     */
    private String cappedCount() {
        return "(SELECT count(*) FROM (SELECT 1 FROM " + table + whereClause(conditions) + " LIMIT " + (Total.CAP + 1)
                + ") AS capped)";
    }

    private static String whereClause(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private String orderClause() {
        return sort.isEmpty() ? "" : " ORDER BY " + sort.stream()
                .map(k -> k.column() + (k.descending() ? " DESC" : "")).collect(Collectors.joining(", "));
    }

    /**
     * The rows after the cursor's: a row comparison where every column sorts the same way (an index on the sort
     * serves it directly), else the expanded form {@code a > :a OR (a = :a AND b < :b) ...}.
     */
    private String after() {
        boolean oneDirection = sort.stream().map(Key::descending).distinct().count() == 1;
        if (oneDirection) {
            return "(" + sort.stream().map(Key::column).collect(Collectors.joining(", ")) + ") "
                    + (sort.get(0).descending() ? "<" : ">") + " ("
                    + IntStream.range(0, sort.size()).mapToObj(i -> ":" + cursorParam(i))
                    .collect(Collectors.joining(", ")) + ")";
        }
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < sort.size(); i++) {
            List<String> parts = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                parts.add(sort.get(j).column() + " = :" + cursorParam(j));
            }
            parts.add(sort.get(i).column() + (sort.get(i).descending() ? " < :" : " > :") + cursorParam(i));
            alternatives.add(String.join(" AND ", parts));
        }
        return "(" + alternatives.stream().map(a -> "(" + a + ")").collect(Collectors.joining(" OR ")) + ")";
    }

    private static String cursorParam(int i) {
        return "cursor_" + i;
    }

    private Object[] sortKey(ResultSet rs) throws SQLException {
        Object[] key = new Object[sort.size()];
        for (int i = 0; i < key.length; i++) {
            Key k = sort.get(i);
            key[i] = k.type() == Type.INSTANT ? rs.getObject(k.label(), OffsetDateTime.class).toInstant()
                    : rs.getObject(k.label());
        }
        return key;
    }

    private static String encode(Object[] key) {
        String joined = Arrays.stream(key).map(String::valueOf).collect(Collectors.joining(SEPARATOR));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor that is not one this list issued (wrong parts, unreadable values) is a 400 naming it. */
    private List<Object> decode(String cursor) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = joined.split(SEPARATOR, -1);
            if (parts.length != sort.size()) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                values.add(switch (sort.get(i).type()) {
                    case INT -> Integer.parseInt(parts[i]);
                    case LONG -> Long.parseLong(parts[i]);
                    case TEXT -> parts[i];
                    case INSTANT -> SqlValues.utc(Instants.parse("cursor", parts[i]));
                });
            }
            return values;
        } catch (RuntimeException e) {
            throw new InvalidInput("cursor", "is not a cursor this API issued");
        }
    }
}
