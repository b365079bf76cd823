package com.opsledger.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The instants OpsLedger accepts from outside, in request bodies, query parameters and cursors alike: ISO-8601 text
 * ({@code 2026-11-24T08:00:00Z}, an offset allowed), from {@link #EARLIEST} to {@link #LATEST}, at most to the
 * microsecond. Within that range every instant is stored exactly as given: PostgreSQL's {@code timestamptz} keeps
 * microseconds (finer would be rounded), and a year such as +999999999, which Java reads, is beyond it.
 */
public final class Instants {

    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    /** The rule in words, for error messages and the API documentation. */
    public static final String RULE = "an ISO-8601 instant such as 2026-11-24T08:00:00Z, from 1970-01-01T00:00:00Z "
            + "to 9999-12-31T23:59:59.999999Z, at most to the microsecond";

    private Instants() {
    }

    /** Parses {@code text} by the rule above, or throws {@link InvalidInput} naming {@code field}. */
    public static Instant parse(String field, String text) {
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "must be " + RULE);
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST) || instant.getNano() % 1_000 != 0) {
            throw new InvalidInput(field, "must be " + RULE);
        }
        return instant;
    }
}
