package com.opsledger.command.connector.delivery;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    @Test
    void readsSecondsAndHttpDatesAndIgnoresTheRest() {
        Instant now = Instant.parse("2026-12-02T12:00:00Z");
        assertThat(RetryAfter.parse("120", now)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", now)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("Wed, 02 Dec 2026 12:01:30 GMT", now)).contains(Duration.ofSeconds(90));
        assertThat(RetryAfter.parse("Wed, 02 Dec 2026 11:59:00 GMT", now)).as("already past").isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
        assertThat(RetryAfter.parse("", now)).isEmpty();
        assertThat(RetryAfter.parse("-5", now)).isEmpty();
        assertThat(RetryAfter.parse("1.5", now)).isEmpty();
        assertThat(RetryAfter.parse("1e3", now)).isEmpty();
        assertThat(RetryAfter.parse("9999999999", now)).as("more than nine digits").isEmpty();
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse("Wed, 02 Dec 2026 12:01:30 GMT" + " ".repeat(100) + "x", now)).isEmpty();
    }
}
