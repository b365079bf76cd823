package com.opsledger.query.wallet;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.WireName;
import com.opsledger.events.wallet.AuthorizationReason;
import com.opsledger.events.wallet.event.AuthorizationDecided;
import com.opsledger.events.wallet.event.AuthorizationFallbackAnswered;
import com.opsledger.events.wallet.event.AuthorizationOutcomeRecorded;
import com.opsledger.events.wallet.event.TransactionRecorded;
import com.opsledger.events.wallet.event.UnmatchedAuthorizationDeclined;
import com.opsledger.query.projection.ProjectionWrites;
import com.opsledger.query.projection.ReadModelTables;
import com.opsledger.query.projection.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;

import static com.opsledger.query.sql.SqlValues.utc;

/**
 * Stripe Issuing authorizations ({@value #TABLE}): OpsLedger's decision, with its reason and latency, Stripe's report
 * after it, and what Stripe's transactions of it captured. What the budget counts for each, as in the wallet: the
 * hold (Stripe's report of the money outranks the decision) until a transaction captures it, then the captured amount
 * net of refunds.
 */
@Component
@ProcessingGroup(AuthorizationProjection.NAME)
class AuthorizationProjection {

    static final String NAME = "authorizations-v2";
    /** The table this version of the read model lives in. */
    static final String TABLE = "read_model.authorization_v2";
    static final ReadModel READ_MODEL = new ReadModel(NAME, Set.of(AggregateTypes.WALLET,
            AggregateTypes.UNMATCHED_AUTHORIZATION));

    /** What a row learns from each later event (decision, report, transaction): the first one's description stays. */
    private static final String KEEP_FIRST = """
            wallet_id = coalesce({table}.wallet_id, EXCLUDED.wallet_id),
                org_id = coalesce({table}.org_id, EXCLUDED.org_id), amount = coalesce({table}.amount, EXCLUDED.amount),
                currency = coalesce({table}.currency, EXCLUDED.currency),
                merchant_name = coalesce({table}.merchant_name, EXCLUDED.merchant_name),
                category = coalesce({table}.category, EXCLUDED.category)""";

    /** The decision's half of a row; Stripe's report, if it came first, is kept, and so is the hold it set. */
    private static final String DECISION = """
            INSERT INTO {table} (authorization_id, wallet_id, org_id, card_id, amount, currency, merchant_name,
                category, decision_id, approved, reason, explanation, spend_request_id, approval_threshold,
                received_at, decided_at, held_amount, counted_on, first_seen_at)
            VALUES (:id, :wallet, :org, :card, :amount, :currency, :merchant, :category, :decision, :approved,
                :reason, :explanation, :spendRequest, :threshold, :receivedAt, :decidedAt, :held, :countedOn,
                :receivedAt)
            ON CONFLICT (authorization_id) DO UPDATE SET decision_id = EXCLUDED.decision_id,
                approved = EXCLUDED.approved, reason = EXCLUDED.reason, explanation = EXCLUDED.explanation,
                spend_request_id = EXCLUDED.spend_request_id, approval_threshold = EXCLUDED.approval_threshold,
                received_at = EXCLUDED.received_at, decided_at = EXCLUDED.decided_at,
                held_amount = CASE WHEN {table}.stripe_status IS NULL THEN EXCLUDED.held_amount
                    ELSE {table}.held_amount END,
                """ + KEEP_FIRST;

    private final ProjectionWrites writes;

    AuthorizationProjection(ReadModelTables tables) {
        this.writes = tables.writes(TABLE);
    }

    @EventHandler
    void on(AuthorizationDecided e, @Timestamp Instant at) {
        decision(e.authorizationId(), e.walletId(), e.orgId(), e.cardId(), e.amount(), e.currency(),
                e.merchantName(), e.category(), e.decisionId(), e.approved(), e.reason(), e.explanation(),
                e.spendRequestId(), e.approvalThreshold(), e.receivedAt(), at);
    }

    @EventHandler
    void on(AuthorizationFallbackAnswered e, @Timestamp Instant at) {
        decision(e.authorizationId(), e.walletId(), e.orgId(), e.cardId(), e.amount(), e.currency(),
                e.merchantName(), e.category(), e.decisionId(), e.approved(), AuthorizationReason.FALLBACK,
                "no decision within the decision timeout; Stripe got the fallback answer", null,
                e.approvalThreshold(), e.receivedAt(), at);
    }

    @EventHandler
    void on(UnmatchedAuthorizationDeclined e, @Timestamp Instant at) {
        decision(e.authorizationId(), null, null, e.cardId(), e.amount(), e.currency(), e.merchantName(),
                e.category(), e.decisionId(), false, AuthorizationReason.UNKNOWN_CARD, e.explanation(), null,
                null, e.receivedAt(), at);
    }

    private void decision(String authorizationId, String walletId, String orgId, String cardId, long amount,
                          String currency, String merchant, String category, String decisionId, boolean approved,
                          AuthorizationReason reason, String explanation, String spendRequestId,
                          Long approvalThreshold, Instant receivedAt, Instant decidedAt) {
        writes.sql(DECISION)
                .param("id", authorizationId).param("wallet", walletId).param("org", orgId).param("card", cardId)
                .param("amount", amount).param("currency", currency).param("merchant", merchant)
                .param("category", category).param("decision", decisionId).param("approved", approved)
                .param("reason", WireName.of(reason)).param("explanation", explanation)
                .param("spendRequest", spendRequestId).param("threshold", approvalThreshold)
                .param("receivedAt", utc(receivedAt))
                .param("decidedAt", utc(decidedAt)).param("held", approved ? amount : 0)
                .param("countedOn", utcDay(receivedAt))
                .queue();
    }

    @EventHandler
    void on(AuthorizationOutcomeRecorded e) {
        writes.sql("""
                        INSERT INTO {table} (authorization_id, wallet_id, org_id, card_id, amount, currency,
                            merchant_name, category, stripe_status, stripe_approved, stripe_amount, stripe_reason,
                            stripe_observed_at, held_amount, counted_on, first_seen_at)
                        VALUES (:id, :wallet, :org, :card, :amount, :currency, :merchant, :category, :status,
                            :approved, :amount, :reason, :observed, :held, :countedOn, :observed)
                        ON CONFLICT (authorization_id) DO UPDATE SET stripe_status = EXCLUDED.stripe_status,
                            stripe_approved = EXCLUDED.stripe_approved, stripe_amount = EXCLUDED.stripe_amount,
                            stripe_reason = EXCLUDED.stripe_reason, stripe_observed_at = EXCLUDED.stripe_observed_at,
                            held_amount = EXCLUDED.held_amount,
                            """ + KEEP_FIRST)
                .param("id", e.authorizationId()).param("wallet", e.walletId()).param("org", e.orgId())
                .param("card", e.cardId()).param("amount", e.amount()).param("currency", e.currency())
                .param("merchant", e.merchantName()).param("category", e.category())
                .param("status", WireName.of(e.status())).param("approved", e.approved())
                .param("reason", e.stripeReason()).param("observed", utc(e.observedAt()))
                .param("held", e.status().counts(e.approved()) ? e.amount() : 0)
                .param("countedOn", utcDay(e.observedAt()))
                .queue();
    }

    /** A capture (Stripe reports its amount negative) or a refund of an authorization: what it took is counted. */
    @EventHandler
    void on(TransactionRecorded e) {
        if (e.authorizationId() == null) {
            return;
        }
        writes.sql("""
                        INSERT INTO {table} (authorization_id, wallet_id, org_id, card_id, currency, merchant_name,
                            category, held_amount, captured_amount, counted_on, first_seen_at)
                        VALUES (:id, :wallet, :org, :card, :currency, :merchant, :category, 0, :spent, :countedOn,
                            :createdAt)
                        ON CONFLICT (authorization_id) DO UPDATE SET
                            captured_amount = coalesce({table}.captured_amount, 0) + EXCLUDED.captured_amount,
                            """ + KEEP_FIRST)
                .param("id", e.authorizationId()).param("wallet", e.walletId()).param("org", e.orgId())
                .param("card", e.cardId()).param("currency", e.currency()).param("merchant", e.merchantName())
                .param("category", e.category()).param("spent", -e.amount())
                .param("countedOn", utcDay(e.createdAt())).param("createdAt", utc(e.createdAt()))
                .queue();
    }

    private static LocalDate utcDay(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
