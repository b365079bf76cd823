package com.opsledger.command.feedback;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.OptionalInt;

/**
 * When a duplicate group is a burst: {@code threshold} members within {@code window}
 * ({@code opsledger.feedback.burst.*}). A pure rule, like the classifier; the group asks it as each member arrives.
 */
@Validated
@ConfigurationProperties("opsledger.feedback.burst")
record BurstPolicy(@Min(2) @Max(MAX_THRESHOLD) int threshold, @NotNull Duration window) {

    /** Thresholds above this are refused, so a group never keeps more arrival times. */
    static final int MAX_THRESHOLD = 1000;

    /**
     * The members within the window that ends at {@code now} when they are a burst, else empty.
     *
     * @param arrivals the latest arrival times of the group's members (at most {@link #MAX_THRESHOLD}), the one
     *                 arriving now included
     */
    OptionalInt burstAt(Collection<Instant> arrivals, Instant now) {
        Instant windowStart = now.minus(window);
        int inWindow = (int) arrivals.stream().filter(at -> !at.isBefore(windowStart)).count();
        return inWindow >= threshold ? OptionalInt.of(inWindow) : OptionalInt.empty();
    }
}
