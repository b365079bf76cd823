package com.opsledger.query.sql;


/**
 * How many rows match a list's filters: exact up to {@link #CAP}, beyond that {@code CAP} with {@code exact} false
 * (shown as "1000+"). Counting every match would make each page of a million-row queue scan it all; an operator
 * needs to know "a few" from "very many", and narrows the filters from there.
 */
public record Total(long count, boolean exact) {

    public static final int CAP = 1000;

    static Total of(long matches) {
        return matches > CAP ? new Total(CAP, false) : new Total(matches, true);
    }
}
