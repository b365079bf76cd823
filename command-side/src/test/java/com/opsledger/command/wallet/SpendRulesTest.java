package com.opsledger.command.wallet;

import com.opsledger.command.wallet.SpendRules.Approved;
import com.opsledger.command.wallet.SpendRules.Decision;
import com.opsledger.command.wallet.SpendRules.Request;
import com.opsledger.command.wallet.SpendRules.Spent;
import com.opsledger.events.wallet.AuthorizationReason;
import com.opsledger.events.wallet.CardStatus;
import com.opsledger.events.wallet.SpendPolicy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static com.opsledger.events.wallet.AuthorizationReason.CARD_CANCELED;
import static com.opsledger.events.wallet.AuthorizationReason.CARD_INACTIVE;
import static com.opsledger.events.wallet.AuthorizationReason.CATEGORY_BLOCKED;
import static com.opsledger.events.wallet.AuthorizationReason.CATEGORY_NOT_ALLOWED;
import static com.opsledger.events.wallet.AuthorizationReason.COVERED_BY_SPEND_REQUEST;
import static com.opsledger.events.wallet.AuthorizationReason.CURRENCY_MISMATCH;
import static com.opsledger.events.wallet.AuthorizationReason.INVALID_REQUEST;
import static com.opsledger.events.wallet.AuthorizationReason.NEEDS_SPEND_REQUEST;
import static com.opsledger.events.wallet.AuthorizationReason.OVER_AUTHORIZATION_LIMIT;
import static com.opsledger.events.wallet.AuthorizationReason.OVER_DAILY_LIMIT;
import static com.opsledger.events.wallet.AuthorizationReason.OVER_MONTHLY_LIMIT;
import static com.opsledger.events.wallet.AuthorizationReason.WITHIN_POLICY;
import static org.assertj.core.api.Assertions.assertThat;

/** The spend policy as a table: each row a situation and the answer it must get. */
class SpendRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    /** 500.00 a payment, 1,000.00 a day, 5,000.00 a month; above 100.00 a spend request is needed. */
    private static final SpendPolicy POLICY = new SpendPolicy(50_000, 100_000, 500_000, List.of(),
            List.of("gambling"), 10_000, 20_000);
    private static final SpendPolicy SOFTWARE_ONLY = new SpendPolicy(50_000, 100_000, 500_000,
            List.of("computer_software_stores"), List.of(), 10_000, 20_000);
    private static final Spent NOTHING = new Spent(0, 0);
    private static final Approved OPENAI_300 = new Approved("spr-openai", 30_000, "OpenAI", null,
            NOW.plusSeconds(3600));
    private static final Approved SOFTWARE_200 = new Approved("spr-software", 20_000, null,
            "computer_software_stores", NOW.plusSeconds(600));

    private static Request request(long amount, String merchant, String category) {
        return new Request(amount, "usd", merchant, category, NOW);
    }

    static Stream<Arguments> table() {
        return Stream.of(
                // card, policy, spent, approved spend requests, request -> reason, spend request used
                row(CardStatus.ACTIVE, POLICY, NOTHING, List.of(), request(5_000, "Shop", "misc"), WITHIN_POLICY, null),
                row(CardStatus.ACTIVE, POLICY, NOTHING, List.of(), request(10_000, "Shop", "misc"), WITHIN_POLICY,
                        null),
                row(CardStatus.INACTIVE, POLICY, NOTHING, List.of(), request(100, "Shop", "misc"), CARD_INACTIVE,
                        null),
                row(CardStatus.CANCELED, POLICY, NOTHING, List.of(), request(100, "Shop", "misc"), CARD_CANCELED,
                        null),
                row(CardStatus.ACTIVE, POLICY, NOTHING, List.of(),
                        new Request(100, "eur", "Shop", "misc", NOW), CURRENCY_MISMATCH, null),
                row(CardStatus.ACTIVE, POLICY, NOTHING, List.of(), request(100, "Casino", "gambling"),
                        CATEGORY_BLOCKED, null),
                row(CardStatus.ACTIVE, SOFTWARE_ONLY, NOTHING, List.of(), request(100, "Cab", "taxicabs_limousines"),
                        CATEGORY_NOT_ALLOWED, null),
                row(CardStatus.ACTIVE, SOFTWARE_ONLY, NOTHING, List.of(), request(100, "Cab", null),
                        CATEGORY_NOT_ALLOWED, null),
                row(CardStatus.ACTIVE, SOFTWARE_ONLY, NOTHING, List.of(),
                        request(100, "JetBrains", "computer_software_stores"), WITHIN_POLICY, null),
                row(CardStatus.ACTIVE, POLICY, NOTHING, List.of(OPENAI_300), request(50_001, "OpenAI", "misc"),
                        OVER_AUTHORIZATION_LIMIT, null),
                row(CardStatus.ACTIVE, POLICY, new Spent(95_000, 95_000), List.of(), request(5_000, "Shop", "misc"),
                        WITHIN_POLICY, null),
                row(CardStatus.ACTIVE, POLICY, new Spent(95_001, 95_001), List.of(), request(5_000, "Shop", "misc"),
                        OVER_DAILY_LIMIT, null),
                row(CardStatus.ACTIVE, POLICY, new Spent(0, 499_000), List.of(), request(5_000, "Shop", "misc"),
                        OVER_MONTHLY_LIMIT, null),
                row(CardStatus.ACTIVE, POLICY, NOTHING, List.of(), request(10_001, "OpenAI", "misc"),
                        NEEDS_SPEND_REQUEST, null),
                row(CardStatus.ACTIVE, POLICY, NOTHING, List.of(OPENAI_300), request(25_000, "OpenAI", "misc"),
                        COVERED_BY_SPEND_REQUEST, "spr-openai"),
                row(CardStatus.ACTIVE, POLICY, NOTHING, List.of(OPENAI_300), request(25_000, "  openai ", "misc"),
                        COVERED_BY_SPEND_REQUEST, "spr-openai"),
                row(CardStatus.ACTIVE, POLICY, NOTHING, List.of(OPENAI_300), request(30_001, "OpenAI", "misc"),
                        NEEDS_SPEND_REQUEST, null),
                row(CardStatus.ACTIVE, POLICY, NOTHING, List.of(OPENAI_300), request(25_000, "Anthropic", "misc"),
                        NEEDS_SPEND_REQUEST, null),
                row(CardStatus.ACTIVE, POLICY, NOTHING, List.of(OPENAI_300),
                        new Request(25_000, "usd", "OpenAI", "misc", OPENAI_300.expiresAt()), NEEDS_SPEND_REQUEST,
                        null),
                row(CardStatus.ACTIVE, POLICY, NOTHING, List.of(SOFTWARE_200),
                        request(15_000, "JetBrains", "computer_software_stores"), COVERED_BY_SPEND_REQUEST,
                        "spr-software"),
                row(CardStatus.ACTIVE, POLICY, NOTHING, List.of(SOFTWARE_200), request(15_000, "JetBrains", "misc"),
                        NEEDS_SPEND_REQUEST, null),
                // Both cover it: the one that expires first is used.
                row(CardStatus.ACTIVE, POLICY, NOTHING, List.of(OPENAI_300, new Approved("spr-soon", 40_000, null,
                                "misc", NOW.plusSeconds(60))), request(25_000, "OpenAI", "misc"),
                        COVERED_BY_SPEND_REQUEST, "spr-soon"),
                // A spend request never lifts a limit: the daily limit still declines.
                row(CardStatus.ACTIVE, POLICY, new Spent(90_000, 90_000), List.of(OPENAI_300),
                        request(25_000, "OpenAI", "misc"), OVER_DAILY_LIMIT, null),
                // A negative amount would raise what is left of the budget: never approved.
                row(CardStatus.ACTIVE, POLICY, NOTHING, List.of(), request(-1_000_000, "Shop", "misc"),
                        INVALID_REQUEST, null));
    }

    private static Arguments row(CardStatus card, SpendPolicy policy, Spent spent, List<Approved> approved,
                                 Request request, AuthorizationReason reason, String spendRequestId) {
        return Arguments.of(card, policy, spent, approved, request, reason, spendRequestId);
    }

    @ParameterizedTest(name = "[{index}] {4} -> {5}")
    @MethodSource("table")
    void eachSituationGetsItsAnswer(CardStatus card, SpendPolicy policy, Spent spent, List<Approved> approved,
                                    Request request, AuthorizationReason reason, String spendRequestId) {
        Decision decision = SpendRules.decide(card, "usd", policy, spent, approved, request);
        assertThat(decision.reason()).isEqualTo(reason);
        assertThat(decision.approved()).isEqualTo(reason.approves());
        assertThat(decision.spendRequestId()).isEqualTo(spendRequestId);
        assertThat(decision.explanation()).isNotBlank();
    }

    @Test
    void theExplanationsSayByHowMuch() {
        assertThat(SpendRules.decide(CardStatus.ACTIVE, "usd", POLICY, new Spent(95_001, 95_001), List.of(),
                request(5_000, "Shop", "misc")).explanation())
                .isEqualTo("amount 5000 is over the daily limit of 100000 by 1 (95001 spent today)");
        assertThat(SpendRules.decide(CardStatus.ACTIVE, "usd", POLICY, NOTHING, List.of(),
                request(10_001, "OpenAI", "misc")).explanation())
                .isEqualTo("amount 10001 is above the approval threshold of 10000 and no approved spend request"
                        + " covers it");
    }

    @Test
    void theDualControlThresholdIsInclusive() {
        assertThat(SpendRules.approvalsRequired(POLICY, 20_000)).isEqualTo(1);
        assertThat(SpendRules.approvalsRequired(POLICY, 20_001)).isEqualTo(2);
    }

    /**
     * The invariants behind the anomaly rule "approved above the threshold without a spend request", over random
     * situations: no approval ever breaks a limit, passes a frozen card or a refused category, or goes above the
     * approval threshold without an approved, unexpired spend request that covers it.
     */
    @Test
    void noApprovalBreaksTheRulesInAQuarterMillionRandomSituations() {
        Random random = new Random(20261202);
        List<String> categories = List.of("misc", "gambling", "computer_software_stores", "airlines_air_carriers");
        List<String> merchants = List.of("OpenAI", "Anthropic", "Shop");
        int approvedAboveThreshold = 0;
        for (int i = 0; i < 250_000; i++) {
            long perAuthorization = 1 + random.nextInt(60_000);
            long daily = perAuthorization + random.nextInt(100_000);
            SpendPolicy policy = new SpendPolicy(perAuthorization, daily, daily + random.nextInt(500_000),
                    random.nextBoolean() ? List.of() : List.of(pick(random, categories)),
                    random.nextBoolean() ? List.of() : List.of(pick(random, categories)),
                    random.nextInt(20_000), random.nextInt(40_000));
            Spent spent = new Spent(random.nextInt((int) daily + 1), random.nextInt((int) policy.monthlyLimit() + 1));
            int situation = i;
            List<Approved> approved = IntStream.range(0, random.nextInt(4)).mapToObj(n -> new Approved(
                            "spr-" + situation + "-" + n,
                            1 + random.nextInt(60_000), random.nextBoolean() ? pick(random, merchants) : null,
                            random.nextBoolean() ? pick(random, categories) : null,
                            NOW.plusSeconds(random.nextInt(7_200) - 3_600)))
                    .toList();
            Request request = new Request(1 + random.nextInt(70_000), random.nextInt(20) == 0 ? "eur" : "usd",
                    pick(random, merchants), pick(random, categories), NOW);
            CardStatus card = CardStatus.values()[random.nextInt(10) == 0 ? 1 + random.nextInt(2) : 0];
            Decision decision = SpendRules.decide(card, "usd", policy, spent, approved, request);
            if (!decision.approved()) {
                continue;
            }
            long amount = request.amount();
            assertThat(card).isEqualTo(CardStatus.ACTIVE);
            assertThat(request.currency()).isEqualTo("usd");
            assertThat(policy.blockedCategories()).doesNotContain(request.category());
            assertThat(policy.allowedCategories().isEmpty() || policy.allowedCategories().contains(request.category()))
                    .isTrue();
            assertThat(amount).isLessThanOrEqualTo(policy.perAuthorizationLimit());
            assertThat(spent.today() + amount).isLessThanOrEqualTo(policy.dailyLimit());
            assertThat(spent.thisMonth() + amount).isLessThanOrEqualTo(policy.monthlyLimit());
            if (amount > policy.approvalThreshold()) {
                approvedAboveThreshold++;
                Approved used = approved.stream().filter(a -> a.spendRequestId().equals(decision.spendRequestId()))
                        .findFirst().orElseThrow(() -> new AssertionError("approved above the threshold without a"
                                + " spend request: " + request + " under " + policy));
                assertThat(used.amount()).isGreaterThanOrEqualTo(amount);
                assertThat(used.expiresAt()).isAfter(request.at());
            }
        }
        assertThat(approvedAboveThreshold).as("the situations include approvals a spend request allowed")
                .isGreaterThan(1_000);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
