package com.opsledger.query.web;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many rows match a list's filters: exact up to {@link #CAP}, beyond that {@code CAP} with {@code exact} false
 * (shown as "1000+"). Counting every match would make each page of a million-row queue scan it all; an operator
 * needs to know "a few" from "very many", and narrows the filters from there.
 */
public record Total(long count, boolean exact) {

    public static final int CAP = 1000;

    /** Counts the rows of {@code table} (with its alias, if the filters use one) that match {@code where}. */
    public static Total count(JdbcClient jdbc, String table, Filters where) {
        return of(jdbc.sql("SELECT " + subSelect(table, where)).params(where.params()).query(Long.class).single());
    }

    /**
     * The capped count as a scalar sub-select, to read in the same statement as a page's rows. PostgreSQL runs an
     * uncorrelated sub-select once per statement, not once per row.
     */
    static String subSelect(String table, Filters where) {
        return "(SELECT count(*) FROM (SELECT 1 FROM " + table + where.where() + " LIMIT " + (CAP + 1) + ") AS capped)";
    }

    static Total of(long matches) {
        return matches > CAP ? new Total(CAP, false) : new Total(matches, true);
    }
}
