package com.opsledger.query.sql;

import java.util.List;

/**
 * One page of a list: the items, how many match the filters in all ({@code total}, exact unless {@code totalExact}
 * is false, see {@link Total}), and the cursor of the next page (absent on the last page). Read by {@link ListQuery}.
 */
public record Page<T>(List<T> items, long total, boolean totalExact, int limit, String nextCursor) {
}
