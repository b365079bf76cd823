package com.opsledger.query.web;

import java.util.List;

/**
 * One page of a list: the items, how many match the filters in all, and the cursor of the next page (absent on the
 * last page).
 */
public record Page<T>(List<T> items, long total, int limit, String nextCursor) {
}
