package com.opsledger.command;

import com.opsledger.events.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Times that outside systems report (when the platform observed a job's status, when Stripe created an event) may
 * run ahead of this service's clock by at most {@code opsledger.max-clock-skew}: a time further ahead is impossible,
 * and accepted it would outrank every true report after it.
 */
@Component
public class ReportedTimes {

    private final Clock clock;
    private final Duration maxSkew;

    ReportedTimes(Clock clock, @Value("${opsledger.max-clock-skew:5m}") Duration maxSkew) {
        if (maxSkew.isNegative() || maxSkew.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("opsledger.max-clock-skew must be from 0 to 1h");
        }
        this.clock = clock;
        this.maxSkew = maxSkew;
    }

    /** The latest reported time accepted now. */
    public Instant latest() {
        return clock.instant().plus(maxSkew);
    }

    public Duration maxSkew() {
        return maxSkew;
    }

    /** Refuses {@code time}, naming {@code field}, when it lies further ahead than the skew allows. */
    public void requireNotAhead(String field, Instant time) {
        if (time.isAfter(latest())) {
            throw new InvalidInput(field, "lies more than " + maxSkew.toSeconds() + " s ahead of this service's clock");
        }
    }
}
