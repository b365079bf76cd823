package com.opsledger.query.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A WHERE clause built from optional filters; every value is a bound parameter, never spliced into the SQL. */
public final class Filters {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();

    /** Adds {@code condition} with its parameter when the value is present. */
    public Filters add(String condition, String param, Object value) {
        if (value != null) {
            conditions.add(condition);
            params.put(param, value);
        }
        return this;
    }

    /** Adds a condition without parameters when {@code when} holds. */
    public Filters addIf(boolean when, String condition) {
        if (when) {
            conditions.add(condition);
        }
        return this;
    }

    public Filters param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    public String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The clause with one more condition, for the keyset step of the next page. */
    public String whereAnd(String condition) {
        List<String> all = new ArrayList<>(conditions);
        all.add(condition);
        return " WHERE " + String.join(" AND ", all);
    }

    public Map<String, Object> params() {
        return params;
    }

    /** {@code text} made safe for LIKE: its own % and _ match themselves. */
    public static String likePattern(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
