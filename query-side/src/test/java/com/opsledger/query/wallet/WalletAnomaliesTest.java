package com.opsledger.query.wallet;

import com.opsledger.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Each anomaly rule, on read-model rows made for it beside rows that look alike but must not be found: each finds
 * exactly its own subject.
 */
class WalletAnomaliesTest {

    private static JdbcClient jdbc;
    private static WalletAnomalies anomalies;

    @BeforeAll
    static void readModels() throws IOException {
        TestDatabase.Connection database = TestDatabase.freshDatabase();
        jdbc = JdbcClient.create(new DriverManagerDataSource(database.url(), database.user(), database.password()));
        Resource[] migrations = new PathMatchingResourcePatternResolver()
                .getResources("classpath*:db/read_model/**/V*.sql");
        Arrays.sort(migrations, Comparator.comparingInt(m -> Integer.parseInt(
                m.getFilename().substring(1, m.getFilename().indexOf("__")))));
        for (Resource migration : migrations) {
            jdbc.sql(migration.getContentAsString(StandardCharsets.UTF_8)).update();
        }
        anomalies = new WalletAnomalies(jdbc);
        jdbc.sql("""
                INSERT INTO read_model.wallet_v1 (wallet_id, agent_id, org_id, workspace_id, currency, policy, opened_at)
                VALUES ('wlt-a', 'agent-a', 'org-1', 'ws', 'usd', '{"dailyLimit": 10000}', now() - interval '2 days'),
                       ('wlt-b', 'agent-b', 'org-2', 'ws', 'usd', '{"dailyLimit": 10000}', now() - interval '2 days')
                """).update();
        // wlt-a: five declines in the hour (wlt-b: four), one approval above the threshold without a spend request
        // (and one with), a day over its limit, a card used after its cancel, one approval Stripe declined.
        for (int i = 0; i < 5; i++) {
            authorization("iauth-a-decline-" + i, "wlt-a", "ic-a", 100, false, null, null, "0 minutes", 0);
        }
        for (int i = 0; i < 4; i++) {
            authorization("iauth-b-decline-" + i, "wlt-b", "ic-b", 100, false, null, null, "0 minutes", 0);
        }
        authorization("iauth-a-fallback", "wlt-a", "ic-a", 9_000, true, null, null, "3 hours", 5_000);
        authorization("iauth-a-covered", "wlt-a", "ic-a", 9_000, true, "spr-1", null, "3 hours", 5_000);
        authorization("iauth-a-stripe", "wlt-a", "ic-a", 500, true, null, false, "4 hours", 10_000);
        authorization("iauth-a-after-cancel", "wlt-a", "ic-a-canceled", 300, false, null, null, "5 hours", 0);
        jdbc.sql("""
                INSERT INTO read_model.card_v1 (card_id, wallet_id, status, issued_at, status_changed_at, observed_at)
                VALUES ('ic-a-canceled', 'wlt-a', 'canceled', now() - interval '3 days', now() - interval '6 hours',
                        now()),
                       ('ic-b-never', 'wlt-b', 'inactive', now() - interval '2 days', null, now()),
                       ('ic-b-new', 'wlt-b', 'inactive', now() - interval '1 hour', null, now())""").update();
        jdbc.sql("""
                INSERT INTO read_model.cardholder_v1 (cardholder_id, wallet_id, status, past_due, disabled_reason,
                    observed_at)
                VALUES ('ich-b-due', 'wlt-b', 'active', ARRAY['individual.dob.day'], null, now()),
                       ('ich-b-fine', 'wlt-b', 'active', ARRAY[]::text[], null, now())""").update();
        jdbc.sql("""
                INSERT INTO read_model.transaction_v1 (transaction_id, wallet_id, org_id, card_id, authorization_id,
                    type, amount, created_at)
                VALUES ('ipi-1', 'wlt-b', 'org-2', 'ic-b', 'iauth-b-1', 'capture', -100, now()),
                       ('ipi-2', 'wlt-b', 'org-2', 'ic-b', 'iauth-b-2', 'capture', -100, now()),
                       ('ipi-3', 'wlt-b', 'org-2', 'ic-b2', null, 'capture', -100, now()),
                       ('ipi-4', 'wlt-b', 'org-2', 'ic-b2', null, 'refund', 100, now()),
                       ('ipi-5', 'wlt-b', 'org-2', 'ic-b2', null, 'capture', -100, now() - interval '40 days')
                """).update();
        jdbc.sql("""
                INSERT INTO read_model.dispute_v1 (dispute_id, wallet_id, org_id, transaction_id, status, amount,
                    opened_at)
                VALUES ('idp-1', 'wlt-b', 'org-2', 'ipi-1', 'unsubmitted', 100, now()),
                       ('idp-2', 'wlt-b', 'org-2', 'ipi-2', 'submitted', 100, now()),
                       ('idp-3', 'wlt-b', 'org-2', 'ipi-3', 'submitted', 100, now())""").update();
    }

    /** An authorization first seen {@code ago}; approved ones count their amount today. */
    private static void authorization(String id, String walletId, String cardId, long amount, boolean approved,
                                      String spendRequestId, Boolean stripeApproved, String ago, long threshold) {
        jdbc.sql("""
                        INSERT INTO read_model.authorization_v2 (authorization_id, wallet_id, org_id, card_id, amount,
                            approved, reason, spend_request_id, approval_threshold, decided_at, stripe_approved,
                            stripe_observed_at, held_amount, counted_on, first_seen_at)
                        VALUES (:id, :wallet, 'org', :card, :amount, :approved, 'within_policy', :spendRequest,
                            :threshold, now() - CAST(:ago AS interval), :stripeApproved, now(), :counted,
                            (now() AT TIME ZONE 'UTC')::date, now() - CAST(:ago AS interval))""")
                .param("id", id).param("wallet", walletId).param("card", cardId).param("amount", amount)
                .param("approved", approved).param("spendRequest", spendRequestId).param("threshold", threshold)
                .param("ago", ago).param("stripeApproved", stripeApproved)
                .param("counted", approved ? amount : 0).update();
    }

    @Test
    void eachRuleFindsItsOwnSubjectAndNothingElse() {
        assertThat(anomalies.find(null, null)).extracting(WalletAnomalies.Anomaly::rule,
                        WalletAnomalies.Anomaly::subjectId)
                .containsExactlyInAnyOrder(
                        tuple("decline_spike", "wlt-a"),
                        tuple("approved_above_threshold_without_spend_request", "iauth-a-fallback"),
                        tuple("spend_over_policy", "wlt-a"),
                        tuple("card_used_after_cancel", "iauth-a-after-cancel"),
                        tuple("stripe_declined_our_approval", "iauth-a-stripe"),
                        tuple("disputes_per_card", "ic-b"),
                        tuple("cardholder_requirements", "ich-b-due"),
                        tuple("card_never_activated", "ic-b-never"),
                        tuple("capture_without_authorization", "ipi-3"));
    }

    @Test
    void findingsAreScopedToTheWalletsOrTheOrganisationAsked() {
        assertThat(anomalies.find(List.of("wlt-b"), null)).extracting(WalletAnomalies.Anomaly::walletId)
                .containsOnly("wlt-b").hasSize(4);
        assertThat(anomalies.find(null, "org-1")).extracting(WalletAnomalies.Anomaly::walletId)
                .containsOnly("wlt-a").hasSize(5);
        assertThat(anomalies.find(List.of("wlt-none"), null)).isEmpty();
    }

    @Test
    void eachFindingSaysWhatWasFound() {
        assertThat(anomalies.find(List.of("wlt-a"), null)).filteredOn(a -> a.rule().equals("spend_over_policy"))
                .singleElement().satisfies(a -> assertThat(a.detail()).startsWith("spent 18500 on ")
                        .endsWith(", over the daily limit of 10000"));
        assertThat(anomalies.find(List.of("wlt-b"), null)).filteredOn(a -> a.rule().equals("cardholder_requirements"))
                .singleElement().satisfies(a -> assertThat(a.detail()).isEqualTo("past due: individual.dob.day"));
    }
}
