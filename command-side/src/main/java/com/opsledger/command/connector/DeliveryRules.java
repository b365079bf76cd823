package com.opsledger.command.connector;

import com.opsledger.events.connector.AttemptReason;
import com.opsledger.events.connector.RetrySchedule;

import java.time.Duration;

/**
 * What follows one attempt at delivering an event to a connection's worker: a pure function of how the attempt
 * ended, which attempt it was and the connection's rules.
 */
final class DeliveryRules {

    /** What follows an attempt. */
    sealed interface Verdict {
    }

    record Delivered() implements Verdict {
    }

    /** Another attempt, {@code delay} after this one; {@code byRetryAfter}: the worker's Retry-After set it. */
    record RetryIn(Duration delay, boolean byRetryAfter) implements Verdict {
    }

    /** No further attempt: the worker refused it for good, or the schedule is used up ({@code exhausted}). */
    record Failed(boolean exhausted) implements Verdict {
    }

    /** The worker answered 410: the delivery fails and the connection's endpoint is disabled. */
    record EndpointGone() implements Verdict {
    }

    /**
     * @param reason            how attempt {@code attempt} (from 1) ended
     * @param retryAfter        the worker's {@code Retry-After}, or null: the next attempt waits at least that long
     * @param retryClientErrors whether a 4xx other than 408, 410 and 429 is retried like a 5xx (else it fails fast)
     * @param unit              a number in [0, 1) that places the jitter; a random one in service, fixed in tests
     */
    static Verdict after(AttemptReason reason, int attempt, RetrySchedule schedule, Duration retryAfter,
                         boolean retryClientErrors, double unit) {
        if (reason == AttemptReason.DELIVERED) {
            return new Delivered();
        }
        if (reason == AttemptReason.GONE) {
            return new EndpointGone();
        }
        if (!reason.retryable() && !retryClientErrors) {
            return new Failed(false);
        }
        if (attempt >= schedule.attempts()) {
            return new Failed(true);
        }
        Duration scheduled = jittered(schedule.delays().get(attempt), schedule.jitter(), unit);
        boolean byRetryAfter = retryAfter != null && retryAfter.compareTo(scheduled) > 0;
        Duration delay = byRetryAfter ? retryAfter : scheduled;
        return new RetryIn(delay.compareTo(RetrySchedule.MAX_DELAY) > 0 ? RetrySchedule.MAX_DELAY : delay,
                byRetryAfter);
    }

    /** {@code delay} moved by up to ±{@code jitter} of itself: {@code unit} 0 is the earliest, 0.5 the delay itself. */
    static Duration jittered(Duration delay, double jitter, double unit) {
        double factor = 1 + jitter * (2 * unit - 1);
        return Duration.ofMillis(Math.round(delay.toMillis() * factor));
    }

    private DeliveryRules() {
    }
}
