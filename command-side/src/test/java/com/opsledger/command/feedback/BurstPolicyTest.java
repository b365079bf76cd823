package com.opsledger.command.feedback;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class BurstPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-24T08:10:00Z");
    private static final BurstPolicy THREE_IN_TEN_MINUTES = new BurstPolicy(3, Duration.ofMinutes(10));

    /** Arrivals as seconds before now, the member arriving now (0) included; a burst names the members in window. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "0           | none",
            "120 60 0    | 3",
            "600 60 0    | 3",     // the window's first instant is inside it
            "601 60 0    | none",
            "900 601 0   | none",
            "300 200 100 0 | 4",
            "9000 8000 120 60 0 | 3",
    })
    void burstsAreThresholdMembersWithinTheWindow(String secondsBefore, String expected) {
        List<Instant> arrivals = Arrays.stream(secondsBefore.trim().split(" +"))
                .map(s -> NOW.minusSeconds(Long.parseLong(s))).toList();
        OptionalInt burst = THREE_IN_TEN_MINUTES.burstAt(arrivals, NOW);
        assertThat(burst).isEqualTo(expected.equals("none") ? OptionalInt.empty()
                : OptionalInt.of(Integer.parseInt(expected)));
    }
}
