package com.opsledger.query.web;

import com.opsledger.events.InvalidInput;
import com.opsledger.events.Instants;
import com.opsledger.events.WireName;

import java.time.Instant;

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

    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Instants.parse(name, value);
    }

    /** A wire-named enum value (e.g. {@code in_progress}), returned in wire form; null when absent. */
    public static <E extends Enum<E>> String wireValue(String name, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return WireName.of(WireName.parse(name, type, value));
    }
}
