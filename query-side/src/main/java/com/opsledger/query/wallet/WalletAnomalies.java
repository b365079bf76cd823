package com.opsledger.query.wallet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

import static com.opsledger.query.sql.SqlValues.instant;

/**
 * What an operator should look at in the wallets, each a rule over the wallet read models:
 * <ul>
 *   <li>{@code decline_spike}: five or more declines (OpsLedger's or Stripe's) for a wallet within the last hour;</li>
 *   <li>{@code approved_above_threshold_without_spend_request}: an authorization OpsLedger approved above the approval
 *       threshold it was decided under, with no spend request. The decision rules cannot do this (SpendRulesTest
 *       proves it over random cases); only an approving fallback can, and then it shows here;</li>
 *   <li>{@code spend_over_policy}: a UTC day of the last 31 whose counted spend (holds and captures) is above the
 *       wallet's daily limit (a capture above its authorization, an approving fallback);</li>
 *   <li>{@code card_used_after_cancel}: an authorization on a card after the card was canceled;</li>
 *   <li>{@code stripe_declined_our_approval}: OpsLedger approved, Stripe declined (the reason is Stripe's);</li>
 *   <li>{@code disputes_per_card}: two or more disputes on the transactions of one card;</li>
 *   <li>{@code cardholder_requirements}: a cardholder with onboarding requirements past due, or disabled;</li>
 *   <li>{@code card_never_activated}: a card inactive since it was issued, for more than 24 hours;</li>
 *   <li>{@code capture_without_authorization}: a capture of the last 31 days that names no authorization (a force
 *       capture): Stripe never asked, and the budget does not count it.</li>
 * </ul>
 * Each rule lists at most {@value #PER_RULE} findings, newest first.
 */
@Repository
class WalletAnomalies {

    static final int PER_RULE = 100;

    record Anomaly(String rule, String walletId, String subjectId, String detail, Instant at) {
    }

    /** The wallets a finding may concern: those given (null: all), of the organisation given (null: any). */
    private static final String SCOPE = " AND (CAST(:wallets AS text[]) IS NULL"
            + " OR %1$s = ANY(CAST(:wallets AS text[])))"
            + " AND (CAST(:org AS text) IS NULL OR %1$s IN (SELECT wallet_id FROM " + WalletProjection.TABLE
            + " WHERE org_id = :org))";

    private static final List<String> RULES = List.of(
            "SELECT 'decline_spike' AS rule, a.wallet_id, a.wallet_id AS subject, count(*) || ' declines in the last"
                    + " hour' AS detail, max(a.first_seen_at) AS at FROM " + AuthorizationProjection.TABLE + " a"
                    + " WHERE a.first_seen_at > now() - interval '1 hour' AND a.wallet_id IS NOT NULL"
                    + " AND (a.approved = false OR a.stripe_approved = false)" + scope("a.wallet_id")
                    + " GROUP BY a.wallet_id HAVING count(*) >= 5",
            "SELECT 'approved_above_threshold_without_spend_request', a.wallet_id, a.authorization_id, 'approved '"
                    + " || a.amount || ' above the approval threshold of ' || a.approval_threshold"
                    + " || ' without a spend request (' || a.reason || ')', a.decided_at FROM "
                    + AuthorizationProjection.TABLE + " a WHERE a.approved AND a.spend_request_id IS NULL"
                    + " AND a.amount > a.approval_threshold" + scope("a.wallet_id"),
            "SELECT 'spend_over_policy', a.wallet_id, a.wallet_id, 'spent ' || sum(a.counted_amount) || ' on '"
                    + " || a.counted_on || ', over the daily limit of ' || max(w.policy ->> 'dailyLimit'),"
                    + " max(a.first_seen_at) FROM " + AuthorizationProjection.TABLE + " a JOIN "
                    + WalletProjection.TABLE + " w ON w.wallet_id = a.wallet_id"
                    + " WHERE a.counted_on > (now() AT TIME ZONE 'UTC')::date - 31" + scope("a.wallet_id")
                    + " GROUP BY a.wallet_id, a.counted_on"
                    + " HAVING sum(a.counted_amount) > max((w.policy ->> 'dailyLimit')::bigint)",
            "SELECT 'card_used_after_cancel', a.wallet_id, a.authorization_id, 'an authorization on card '"
                    + " || c.card_id || ', canceled at ' || c.status_changed_at, a.first_seen_at FROM "
                    + AuthorizationProjection.TABLE + " a JOIN " + CardProjection.TABLE + " c ON c.card_id = a.card_id"
                    + " WHERE c.status = 'canceled' AND a.first_seen_at > c.status_changed_at" + scope("a.wallet_id"),
            "SELECT 'stripe_declined_our_approval', a.wallet_id, a.authorization_id, 'OpsLedger approved; Stripe"
                    + " declined (' || coalesce(a.stripe_reason, 'no reason given') || ')', a.stripe_observed_at"
                    + " FROM " + AuthorizationProjection.TABLE + " a WHERE a.approved AND a.stripe_approved = false"
                    + scope("a.wallet_id"),
            "SELECT 'disputes_per_card', t.wallet_id, t.card_id, count(*) || ' disputes on card ' || t.card_id,"
                    + " max(d.opened_at) FROM " + DisputeProjection.TABLE + " d JOIN " + TransactionProjection.TABLE
                    + " t ON t.transaction_id = d.transaction_id WHERE true" + scope("t.wallet_id")
                    + " GROUP BY t.wallet_id, t.card_id HAVING count(*) >= 2",
            "SELECT 'cardholder_requirements', h.wallet_id, h.cardholder_id, 'past due: '"
                    + " || coalesce(nullif(array_to_string(h.past_due, ', '), ''), 'none')"
                    + " || coalesce('; disabled: ' || h.disabled_reason, ''), h.observed_at FROM "
                    + CardholderProjection.TABLE + " h WHERE (cardinality(h.past_due) > 0"
                    + " OR h.disabled_reason IS NOT NULL)" + scope("h.wallet_id"),
            "SELECT 'card_never_activated', c.wallet_id, c.card_id, 'inactive since it was issued at '"
                    + " || c.issued_at, c.issued_at FROM " + CardProjection.TABLE + " c WHERE c.status = 'inactive'"
                    + " AND c.status_changed_at IS NULL AND c.issued_at < now() - interval '24 hours'"
                    + scope("c.wallet_id"),
            "SELECT 'capture_without_authorization', t.wallet_id, t.transaction_id, 'captured ' || -t.amount"
                    + " || ' with no authorization (a force capture); not counted in the budget', t.created_at FROM "
                    + TransactionProjection.TABLE + " t WHERE t.type = 'capture' AND t.authorization_id IS NULL"
                    + " AND t.created_at > now() - interval '31 days'" + scope("t.wallet_id"));

    private static final String ALL = String.join(" UNION ALL ", RULES.stream()
            .map(rule -> "(" + rule + " ORDER BY 5 DESC LIMIT " + PER_RULE + ")").toList()) + " ORDER BY 5 DESC";

    private final JdbcClient jdbc;

    WalletAnomalies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The findings for these wallets (null: every wallet) of this organisation (null: any), newest first. */
    List<Anomaly> find(List<String> walletIds, String orgId) {
        return jdbc.sql(ALL)
                .param("wallets", walletIds == null ? null : walletIds.toArray(String[]::new))
                .param("org", orgId)
                .query((rs, n) -> new Anomaly(rs.getString("rule"), rs.getString("wallet_id"),
                        rs.getString("subject"), rs.getString("detail"), instant(rs, "at")))
                .list();
    }

    private static String scope(String walletColumn) {
        return String.format(SCOPE, walletColumn);
    }
}
