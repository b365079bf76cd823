package com.opsledger.command.connector.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** A worker's {@code Retry-After} (RFC 9110 §10.2.3): delay-seconds or an HTTP date; anything else is ignored. */
public final class RetryAfter {

    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,9}");

    private RetryAfter() {
    }

    /** How long from {@code now} the worker asks to wait; empty when absent, unreadable or already past. */
    public static Optional<Duration> parse(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (SECONDS.matcher(trimmed).matches()) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
        }
        if (trimmed.length() > 40) {
            return Optional.empty();
        }
        try {
            Duration wait = Duration.between(now,
                    ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return wait.isNegative() || wait.isZero() ? Optional.empty() : Optional.of(wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
