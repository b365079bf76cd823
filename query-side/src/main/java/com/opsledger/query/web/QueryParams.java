package com.opsledger.query.web;

import com.opsledger.events.InvalidInput;
import com.opsledger.events.WireName;

/** Parsing of query parameters into typed values, each failure a 400 naming the parameter. */
public final class QueryParams {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private QueryParams() {
    }

    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    /** An enum parameter in its wire form (e.g. {@code in_progress}), as the read models store it; null stays null. */
    public static String wire(Enum<?> value) {
        return value == null ? null : WireName.of(value);
    }
}
