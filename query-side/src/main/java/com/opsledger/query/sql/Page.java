package com.opsledger.query.web;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the items, how many match the filters in all ({@code total}, exact unless {@code totalExact}
 * is false, see {@link Total}), and the cursor of the next page (absent on the last page).
 */
public record Page<T>(List<T> items, long total, boolean totalExact, int limit, String nextCursor) {

    private static final String TOTAL_COLUMN = "total_matches";

    /**
     * Reads a page of up to {@code limit} rows and its {@link Total} in one statement: {@code SELECT columns,
     * <capped count of table's rows matching where> rest LIMIT limit + 1}. The extra row, when it comes back, says
     * there is a next page. A page with no rows (a cursor past the end) has no row to carry the total, which is then
     * counted on its own.
     *
     * @param table  the listed table with its alias, as the filters name it
     * @param where  the list's filters, also bound in {@code rest}; a cursor's keyset step is not one of them, so the
     *               total counts every match, not those after the cursor
     * @param rest   {@code FROM ... WHERE ... ORDER BY ...}, without the LIMIT
     */
    public static <R> Page<R> read(JdbcClient jdbc, String table, Filters where, String columns, String rest,
                                   int limit, RowMapper<R> mapper, Function<R, String> cursorOf) {
        long[] matches = new long[1];
        List<R> rows = jdbc.sql("SELECT " + columns + ", " + Total.subSelect(table, where) + " AS " + TOTAL_COLUMN
                        + " " + rest + " LIMIT :limit")
                .params(where.params()).param("limit", limit + 1)
                .query((rs, n) -> {
                    matches[0] = rs.getLong(TOTAL_COLUMN);
                    return mapper.mapRow(rs, n);
                }).list();
        Total total = rows.isEmpty() ? Total.count(jdbc, table, where) : Total.of(matches[0]);
        if (rows.size() <= limit) {
            return new Page<>(rows, total.count(), total.exact(), limit, null);
        }
        List<R> served = List.copyOf(rows.subList(0, limit));
        return new Page<>(served, total.count(), total.exact(), limit, cursorOf.apply(served.get(limit - 1)));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), total, totalExact, limit, nextCursor);
    }
}
