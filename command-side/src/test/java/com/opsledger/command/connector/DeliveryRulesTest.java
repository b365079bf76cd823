package com.opsledger.command.connector;

import com.opsledger.command.connector.DeliveryRules.Delivered;
import com.opsledger.command.connector.DeliveryRules.EndpointGone;
import com.opsledger.command.connector.DeliveryRules.Failed;
import com.opsledger.command.connector.DeliveryRules.RetryIn;
import com.opsledger.command.connector.DeliveryRules.Verdict;
import com.opsledger.events.InvalidInput;
import com.opsledger.events.connector.AttemptReason;
import com.opsledger.events.connector.RetrySchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static com.opsledger.events.connector.AttemptReason.CLIENT_ERROR;
import static com.opsledger.events.connector.AttemptReason.CONNECTION_REFUSED;
import static com.opsledger.events.connector.AttemptReason.DELIVERED;
import static com.opsledger.events.connector.AttemptReason.GONE;
import static com.opsledger.events.connector.AttemptReason.NETWORK_ERROR;
import static com.opsledger.events.connector.AttemptReason.REDIRECT;
import static com.opsledger.events.connector.AttemptReason.SERVER_ERROR;
import static com.opsledger.events.connector.AttemptReason.TIMEOUT;
import static com.opsledger.events.connector.AttemptReason.TOO_MANY_REQUESTS;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The retry schedule and what follows each kind of attempt, as tables. */
class DeliveryRulesTest {

    private static final RetrySchedule SVIX = RetrySchedule.DEFAULT;
    /** The middle of the jitter: the schedule's own delay. */
    private static final double MIDDLE = 0.5;

    static Stream<Arguments> svixSchedule() {
        // after attempt n failed, the wait before attempt n + 1
        return Stream.of(
                Arguments.of(1, ofSeconds(5)),
                Arguments.of(2, ofMinutes(5)),
                Arguments.of(3, ofMinutes(30)),
                Arguments.of(4, ofHours(2)),
                Arguments.of(5, ofHours(5)),
                Arguments.of(6, ofHours(10)),
                Arguments.of(7, ofHours(10)));
    }

    @ParameterizedTest(name = "after attempt {0} failed, attempt {0}+1 waits {1}")
    @MethodSource("svixSchedule")
    void theDefaultIsSvixsSchedule(int attempt, Duration wait) {
        assertThat(DeliveryRules.after(SERVER_ERROR, attempt, SVIX, null, false, MIDDLE))
                .isEqualTo(new RetryIn(wait, false));
    }

    @Test
    void theFirstAttemptIsImmediateAndTheEighthIsTheLast() {
        assertThat(SVIX.attempts()).isEqualTo(8);
        assertThat(SVIX.delays().get(0)).isEqualTo(Duration.ZERO);
        assertThat(DeliveryRules.after(SERVER_ERROR, 8, SVIX, null, false, MIDDLE)).isEqualTo(new Failed(true));
    }

    @ParameterizedTest(name = "{0} after attempt 1 → {1}")
    @CsvSource({
            "DELIVERED, delivered",
            "TIMEOUT, retry",
            "CONNECTION_REFUSED, retry",
            "NETWORK_ERROR, retry",
            "REDIRECT, retry",
            "TOO_MANY_REQUESTS, retry",
            "SERVER_ERROR, retry",
            "CLIENT_ERROR, fail fast",
            "GONE, endpoint gone"})
    void eachReasonHasItsVerdict(AttemptReason reason, String expected) {
        Verdict verdict = DeliveryRules.after(reason, 1, SVIX, null, false, MIDDLE);
        assertThat(verdict).isEqualTo(switch (expected) {
            case "delivered" -> new Delivered();
            case "retry" -> new RetryIn(ofSeconds(5), false);
            case "fail fast" -> new Failed(false);
            case "endpoint gone" -> new EndpointGone();
            default -> throw new IllegalArgumentException(expected);
        });
    }

    @Test
    void aConnectionMayRetryClientErrorsButNeverAGoneEndpoint() {
        assertThat(DeliveryRules.after(CLIENT_ERROR, 1, SVIX, null, true, MIDDLE))
                .isEqualTo(new RetryIn(ofSeconds(5), false));
        assertThat(DeliveryRules.after(CLIENT_ERROR, 8, SVIX, null, true, MIDDLE)).isEqualTo(new Failed(true));
        assertThat(DeliveryRules.after(GONE, 1, SVIX, null, true, MIDDLE)).isEqualTo(new EndpointGone());
        assertThat(DeliveryRules.after(DELIVERED, 8, SVIX, null, true, MIDDLE)).isEqualTo(new Delivered());
    }

    @ParameterizedTest(name = "status {0} is {1}")
    @CsvSource({
            "200, DELIVERED", "201, DELIVERED", "204, DELIVERED", "299, DELIVERED",
            "301, REDIRECT", "302, REDIRECT", "308, REDIRECT",
            "400, CLIENT_ERROR", "401, CLIENT_ERROR", "404, CLIENT_ERROR", "499, CLIENT_ERROR",
            "408, TIMEOUT", "410, GONE", "429, TOO_MANY_REQUESTS",
            "500, SERVER_ERROR", "502, SERVER_ERROR", "503, SERVER_ERROR", "599, SERVER_ERROR",
            "100, SERVER_ERROR", "199, SERVER_ERROR", "600, SERVER_ERROR"})
    void anAnswersReasonComesFromItsStatus(int status, AttemptReason reason) {
        assertThat(AttemptReason.ofStatus(status)).isEqualTo(reason);
    }

    @Test
    void jitterStaysWithinTwentyPercentEitherWay() {
        assertThat(DeliveryRules.jittered(ofMinutes(5), 0.2, 0)).isEqualTo(ofMinutes(4));
        assertThat(DeliveryRules.jittered(ofMinutes(5), 0.2, MIDDLE)).isEqualTo(ofMinutes(5));
        assertThat(DeliveryRules.jittered(ofMinutes(5), 0.2, Math.nextDown(1.0))).isEqualTo(ofMinutes(6));
        assertThat(DeliveryRules.jittered(Duration.ZERO, 0.2, 0.9)).isEqualTo(Duration.ZERO);
        Random random = new Random(13);
        long low = Long.MAX_VALUE;
        long high = 0;
        for (int i = 0; i < 10_000; i++) {
            Verdict verdict = DeliveryRules.after(TIMEOUT, 4, SVIX, null, false, random.nextDouble());
            long millis = ((RetryIn) verdict).delay().toMillis();
            low = Math.min(low, millis);
            high = Math.max(high, millis);
        }
        long twoHours = ofHours(2).toMillis();
        assertThat(low).isBetween(Math.round(twoHours * 0.8), Math.round(twoHours * 0.81));
        assertThat(high).isBetween(Math.round(twoHours * 1.19), Math.round(twoHours * 1.2));
    }

    @Test
    void aRetryAfterLongerThanTheScheduleIsHonouredAndAShorterOneIgnored() {
        assertThat(DeliveryRules.after(TOO_MANY_REQUESTS, 1, SVIX, ofSeconds(90), false, MIDDLE))
                .isEqualTo(new RetryIn(ofSeconds(90), true));
        assertThat(DeliveryRules.after(SERVER_ERROR, 2, SVIX, ofSeconds(90), false, MIDDLE))
                .isEqualTo(new RetryIn(ofMinutes(5), false));
        assertThat(DeliveryRules.after(SERVER_ERROR, 2, SVIX, Duration.ofDays(400), false, MIDDLE))
                .as("a worker cannot park a delivery for a year")
                .isEqualTo(new RetryIn(RetrySchedule.MAX_DELAY, true));
        assertThat(DeliveryRules.after(SERVER_ERROR, 8, SVIX, ofSeconds(1), false, MIDDLE))
                .as("nor win an attempt past the schedule").isEqualTo(new Failed(true));
        assertThat(DeliveryRules.after(CLIENT_ERROR, 1, SVIX, ofSeconds(1), false, MIDDLE))
                .isEqualTo(new Failed(false));
    }

    @Test
    void aConnectionsOwnScheduleIsFollowed() {
        RetrySchedule quick = new RetrySchedule(List.of(Duration.ZERO, ofSeconds(1), ofSeconds(2)), 0);
        assertThat(DeliveryRules.after(TIMEOUT, 1, quick, null, false, 0.99))
                .isEqualTo(new RetryIn(ofSeconds(1), false));
        assertThat(DeliveryRules.after(CONNECTION_REFUSED, 2, quick, null, false, 0))
                .isEqualTo(new RetryIn(ofSeconds(2), false));
        assertThat(DeliveryRules.after(NETWORK_ERROR, 3, quick, null, false, 0)).isEqualTo(new Failed(true));
        assertThat(DeliveryRules.after(REDIRECT, 3, quick, null, false, 0)).isEqualTo(new Failed(true));
    }

    static Stream<Arguments> impossibleSchedules() {
        return Stream.of(
                Arguments.of(List.of(), 0.2, "retrySchedule.delays"),
                Arguments.of(Collections.nCopies(RetrySchedule.MAX_ATTEMPTS + 1, ofSeconds(1)), 0.2,
                        "retrySchedule.delays"),
                Arguments.of(List.of(Duration.ZERO, ofSeconds(-1)), 0.2, "retrySchedule.delays"),
                Arguments.of(List.of(Duration.ZERO, Duration.ofDays(1).plusSeconds(1)), 0.2, "retrySchedule.delays"),
                Arguments.of(List.of(Duration.ZERO), 0.51, "retrySchedule.jitter"),
                Arguments.of(List.of(Duration.ZERO), -0.01, "retrySchedule.jitter"),
                Arguments.of(List.of(Duration.ZERO), Double.NaN, "retrySchedule.jitter"));
    }

    @ParameterizedTest
    @MethodSource("impossibleSchedules")
    void anImpossibleScheduleIsRefusedNamingItsField(List<Duration> delays, double jitter, String field) {
        assertThatThrownBy(() -> new RetrySchedule(delays, jitter))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void theLongestScheduleAllowedIsAccepted() {
        RetrySchedule longest = new RetrySchedule(Collections.nCopies(RetrySchedule.MAX_ATTEMPTS,
                RetrySchedule.MAX_DELAY), RetrySchedule.MAX_JITTER);
        assertThat(DeliveryRules.after(TIMEOUT, 1, longest, null, false, 0))
                .isEqualTo(new RetryIn(Duration.ofHours(12), false));
        assertThat(DeliveryRules.after(TIMEOUT, 1, longest, null, false, Math.nextDown(1.0)))
                .as("jitter above the longest wait is cut to it")
                .isEqualTo(new RetryIn(RetrySchedule.MAX_DELAY, false));
    }
}
