package com.opsledger.query.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: the items, how many match the filters in all ({@code total}, exact unless {@code totalExact}
 * is false, see {@link Total}), and the cursor of the next page (absent on the last page).
 */
public record Page<T>(List<T> items, long total, boolean totalExact, int limit, String nextCursor) {

    /**
     * A page from rows fetched with one row of lookahead ({@code LIMIT limit + 1}): when the extra row came back
     * there is a next page, and it continues after the last row served.
     */
    public static <R> Page<R> fromLookahead(List<R> rows, Total total, int limit, Function<R, String> cursorOf) {
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
