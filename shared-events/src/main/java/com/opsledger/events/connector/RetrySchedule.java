package com.opsledger.events.connector;

import com.opsledger.events.InvalidInput;

import java.time.Duration;
import java.util.List;

/**
 * When a delivery's attempts are made: {@code delays.get(n - 1)} is the wait before attempt {@code n}, the first
 * counted from the event's acceptance, each later one from the failure of the one before; each wait is spread by up
 * to ±{@code jitter} of itself, so that a worker's recovery is not met by every waiting delivery in the same second.
 * When the last attempt fails, the delivery has failed.
 */
public record RetrySchedule(List<Duration> delays, double jitter) {

    public static final int MAX_ATTEMPTS = 20;
    /** The longest wait before an attempt, the worker's {@code Retry-After} included. */
    public static final Duration MAX_DELAY = Duration.ofDays(1);
    public static final double MAX_JITTER = 0.5;

    /** Svix's: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, ±20% (after the bounds its constructor reads). */
    public static final RetrySchedule DEFAULT = new RetrySchedule(List.of(Duration.ZERO, Duration.ofSeconds(5),
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
            Duration.ofHours(10), Duration.ofHours(10)), 0.2);

    public RetrySchedule {
        if (delays.isEmpty() || delays.size() > MAX_ATTEMPTS) {
            throw new InvalidInput("retrySchedule.delays", "must list 1 to " + MAX_ATTEMPTS + " waits");
        }
        for (Duration delay : delays) {
            if (delay.isNegative() || delay.compareTo(MAX_DELAY) > 0) {
                throw new InvalidInput("retrySchedule.delays", "each wait must be from 0 to " + MAX_DELAY.toHours()
                        + " hours, not " + delay);
            }
        }
        if (!(jitter >= 0 && jitter <= MAX_JITTER)) {
            throw new InvalidInput("retrySchedule.jitter", "must be from 0 to " + MAX_JITTER + ", not " + jitter);
        }
        delays = List.copyOf(delays);
    }

    public int attempts() {
        return delays.size();
    }
}
