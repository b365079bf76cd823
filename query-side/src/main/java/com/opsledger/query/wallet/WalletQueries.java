package com.opsledger.query.wallet;

import com.opsledger.query.sql.ListQuery;
import com.opsledger.query.sql.ListQuery.Key;
import com.opsledger.query.sql.ListQuery.Type;
import com.opsledger.query.sql.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static com.opsledger.query.sql.SqlValues.instant;
import static com.opsledger.query.sql.SqlValues.utc;

/** Reads of the wallet read models: wallets, their policy history, and spend requests (waiting ones first). */
@Repository
class WalletQueries {

    /**
     * A wallet with what its screens show beside it: cards, the budget used in the current UTC day and month (as the
     * wallet counts it: approved holds and captures), spend requests waiting, and declines in the last 24 hours.
     */
    record WalletItem(String walletId, String agentId, String orgId, String workspaceId, String currency,
                      JsonNode policy, Instant openedAt, Instant policyChangedAt, long cards, long activeCards,
                      long spentToday, long spentThisMonth, long pendingSpendRequests, long declinesLast24h,
                      long openDisputes) {
    }

    record CardItem(String cardId, String walletId, String cardholderId, String last4, String currency,
                    String status, String cancellationReason, Instant issuedAt, String issuedBy,
                    Instant statusChangedAt) {
    }

    /**
     * One authorization: OpsLedger's decision (reason in operator words, latency from Stripe's request to the
     * decision), Stripe's report (status, approval, amount, Stripe's decline reason), what its transactions captured
     * net of refunds, and what the budget counts for it. {@code amount} is null while only a transaction is known.
     */
    record AuthorizationItem(String authorizationId, String walletId, String orgId, String cardId, Long amount,
                             String currency, String merchantName, String category, String decisionId,
                             Boolean approved, String reason, String explanation, String spendRequestId,
                             Instant receivedAt, Instant decidedAt, Long latencyMillis, String stripeStatus,
                             Boolean stripeApproved, Long stripeAmount, String stripeReason, Long capturedAmount,
                             long countedAmount) {
    }

    /** A transaction; {@code amount} as Stripe signs it (negative: a capture). */
    record TransactionItem(String transactionId, String walletId, String orgId, String authorizationId,
                           String cardId, String type, long amount, String currency, String merchantName,
                           String category, Instant createdAt) {
    }

    record DisputeItem(String disputeId, String walletId, String orgId, String transactionId, String status,
                       long amount, String currency, String reason, Instant openedAt, String openedBy,
                       String explanation, Instant statusChangedAt) {
    }

    /** Filters of the transaction and dispute lists; null means "any". */
    record Filter(String walletId, String orgId, String status, Instant from, Instant to) {
    }

    /**
     * One spend, from end to end: the spend request that allowed it (with its approvals), OpsLedger's decision and
     * Stripe's report of the authorization, its transactions and their disputes.
     */
    record SpendChain(AuthorizationItem authorization, SpendRequestItem spendRequest,
                      List<TransactionItem> transactions, List<DisputeItem> disputes) {
    }

    /** Filters of the authorization list; null means "any". */
    record AuthorizationFilter(String walletId, String orgId, String cardId, Boolean approved, String reason,
                               String stripeReason, Instant from, Instant to) {
    }

    record PolicyVersion(long sequence, JsonNode policy, String changedBy, String reason, Instant changedAt) {
    }

    record Approval(String operator, Instant at) {
    }

    record SpendRequestItem(String spendRequestId, String walletId, String orgId, String requestId,
                            String requestedBy, long amount, String currency, String merchantName, String category,
                            String purpose, Instant expiresAt, int approvalsRequired, List<Approval> approvals,
                            String status, Instant requestedAt, Instant closedAt, String closedBy,
                            String closeReason, String consumedBy) {
    }

    /** Filters of the spend request list; null means "any". */
    record SpendRequestFilter(String walletId, String orgId, String status, Instant from, Instant to) {
    }

    private static final TypeReference<List<Approval>> APPROVALS = new TypeReference<>() {
    };
    /** Counted per listed wallet from the other wallet read models, each by its wallet index. */
    private static final String WALLET_COLUMNS = "w.*"
            + ", (SELECT count(*) FROM " + CardProjection.TABLE + " c WHERE c.wallet_id = w.wallet_id) AS cards"
            + ", (SELECT count(*) FROM " + CardProjection.TABLE + " c WHERE c.wallet_id = w.wallet_id"
            + " AND c.status = 'active') AS active_cards"
            + ", (SELECT coalesce(sum(a.counted_amount), 0) FROM " + AuthorizationProjection.TABLE + " a"
            + " WHERE a.wallet_id = w.wallet_id AND a.counted_on = (now() AT TIME ZONE 'UTC')::date) AS spent_today"
            + ", (SELECT coalesce(sum(a.counted_amount), 0) FROM " + AuthorizationProjection.TABLE + " a"
            + " WHERE a.wallet_id = w.wallet_id"
            + " AND a.counted_on >= date_trunc('month', now() AT TIME ZONE 'UTC')::date) AS spent_this_month"
            + ", (SELECT count(*) FROM " + SpendRequestProjection.TABLE + " s WHERE s.wallet_id = w.wallet_id"
            + " AND s.pending_rank = 0) AS pending_spend_requests"
            + ", (SELECT count(*) FROM " + AuthorizationProjection.TABLE + " a WHERE a.wallet_id = w.wallet_id"
            + " AND a.first_seen_at > now() - interval '24 hours'"
            + " AND (a.approved = false OR a.stripe_approved = false)) AS declines_last_24h"
            + ", (SELECT count(*) FROM " + DisputeProjection.TABLE + " d WHERE d.wallet_id = w.wallet_id"
            + " AND d.status IN ('unsubmitted', 'submitted')) AS open_disputes";
    private static final String CARDS_OF_WALLET = "SELECT * FROM " + CardProjection.TABLE
            + " WHERE wallet_id = :id ORDER BY issued_at DESC, card_id DESC LIMIT :limit";
    /** The cards shown with a wallet: an agent holds a handful. */
    static final int CARDS_SHOWN = 100;
    private static final String POLICY_HISTORY = "SELECT * FROM " + WalletProjection.POLICY_TABLE
            + " WHERE wallet_id = :id ORDER BY sequence DESC LIMIT :limit";

    /** The newest policies shown with a wallet; a wallet's policy changes a few times a year, not thousands. */
    static final int POLICY_HISTORY_SHOWN = 100;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WalletQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Wallets, newest first. */
    Page<WalletItem> wallets(String orgId, String workspaceId, String agentId, Integer limit, String cursor) {
        return wallets()
                .filter("w.org_id = :org", "org", orgId)
                .filter("w.workspace_id = :workspace", "workspace", workspaceId)
                .filter("w.agent_id = :agent", "agent", agentId)
                .orderBy(Key.desc("w.opened_at", Type.INSTANT), Key.desc("w.wallet_id", Type.TEXT))
                .page(jdbc, limit, cursor, this::wallet);
    }

    Optional<WalletItem> wallet(String walletId) {
        return wallets().filter("w.wallet_id = :id", "id", walletId)
                .page(jdbc, 1, null, this::wallet).items().stream().findFirst();
    }

    private static ListQuery wallets() {
        return ListQuery.of(WalletProjection.TABLE + " w").select(WALLET_COLUMNS);
    }

    /** The wallet's policies, newest first, the first it had included. */
    List<PolicyVersion> policyHistory(String walletId) {
        return jdbc.sql(POLICY_HISTORY).param("id", walletId).param("limit", POLICY_HISTORY_SHOWN)
                .query((rs, n) -> new PolicyVersion(rs.getLong("sequence"), json.readTree(rs.getString("policy")),
                        rs.getString("changed_by"), rs.getString("reason"), instant(rs, "changed_at")))
                .list();
    }

    /** Spend requests, those waiting for an operator first, each part newest first. */
    Page<SpendRequestItem> spendRequests(SpendRequestFilter f, Integer limit, String cursor) {
        return ListQuery.of(SpendRequestProjection.TABLE)
                .filter("wallet_id = :wallet", "wallet", f.walletId())
                .filter("org_id = :org", "org", f.orgId())
                .filter("status = :status", "status", f.status())
                .filter("requested_at >= :from", "from", utc(f.from()))
                .filter("requested_at < :to", "to", utc(f.to()))
                .orderBy(Key.asc("pending_rank", Type.INT), Key.desc("requested_at", Type.INSTANT),
                        Key.desc("spend_request_id", Type.TEXT))
                .page(jdbc, limit, cursor, this::spendRequest);
    }

    Optional<SpendRequestItem> spendRequest(String spendRequestId) {
        return ListQuery.of(SpendRequestProjection.TABLE)
                .filter("spend_request_id = :id", "id", spendRequestId)
                .page(jdbc, 1, null, this::spendRequest).items().stream().findFirst();
    }

    /** A wallet's cards, newest first. */
    List<CardItem> cardsOf(String walletId) {
        return jdbc.sql(CARDS_OF_WALLET).param("id", walletId).param("limit", CARDS_SHOWN).query(this::card).list();
    }

    Page<CardItem> cards(String walletId, String status, Integer limit, String cursor) {
        return ListQuery.of(CardProjection.TABLE)
                .filter("wallet_id = :wallet", "wallet", walletId)
                .filter("status = :status", "status", status)
                .orderBy(Key.desc("issued_at", Type.INSTANT), Key.desc("card_id", Type.TEXT))
                .page(jdbc, limit, cursor, this::card);
    }

    /** Authorizations, newest first. */
    Page<AuthorizationItem> authorizations(AuthorizationFilter f, Integer limit, String cursor) {
        return ListQuery.of(AuthorizationProjection.TABLE)
                .filter("wallet_id = :wallet", "wallet", f.walletId())
                .filter("org_id = :org", "org", f.orgId())
                .filter("card_id = :card", "card", f.cardId())
                .filter("approved = :approved", "approved", f.approved())
                .filter("reason = :reason", "reason", f.reason())
                .filter("stripe_reason = :stripeReason", "stripeReason", f.stripeReason())
                .filter("first_seen_at >= :from", "from", utc(f.from()))
                .filter("first_seen_at < :to", "to", utc(f.to()))
                .orderBy(Key.desc("first_seen_at", Type.INSTANT), Key.desc("authorization_id", Type.TEXT))
                .page(jdbc, limit, cursor, this::authorization);
    }

    Optional<AuthorizationItem> authorization(String authorizationId) {
        return ListQuery.of(AuthorizationProjection.TABLE)
                .filter("authorization_id = :id", "id", authorizationId)
                .page(jdbc, 1, null, this::authorization).items().stream().findFirst();
    }

    /** The wallet's spends, newest authorization first, each with what came before and after it. */
    Page<SpendChain> chains(String walletId, Integer limit, String cursor) {
        Page<AuthorizationItem> authorizations = authorizations(new AuthorizationFilter(walletId, null, null, null,
                null, null, null, null), limit, cursor);
        List<String> ids = authorizations.items().stream().map(AuthorizationItem::authorizationId).toList();
        Map<String, SpendRequestItem> requests = new HashMap<>();
        List<String> requestIds = authorizations.items().stream().map(AuthorizationItem::spendRequestId)
                .filter(Objects::nonNull).toList();
        if (!requestIds.isEmpty()) {
            ListQuery.of(SpendRequestProjection.TABLE)
                    .filter("spend_request_id = ANY(:ids)", "ids", requestIds.toArray(String[]::new))
                    .page(jdbc, ListQuery.MAX_LIMIT, null, this::spendRequest).items()
                    .forEach(r -> requests.put(r.spendRequestId(), r));
        }
        Map<String, List<TransactionItem>> transactions = new HashMap<>();
        Map<String, List<DisputeItem>> disputes = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT * FROM " + TransactionProjection.TABLE + " WHERE authorization_id = ANY(:ids)"
                            + " ORDER BY created_at, transaction_id")
                    .param("ids", ids.toArray(String[]::new)).query(this::transaction).list()
                    .forEach(t -> transactions.computeIfAbsent(t.authorizationId(), k -> new ArrayList<>()).add(t));
            jdbc.sql("SELECT d.*, t.authorization_id FROM " + DisputeProjection.TABLE + " d JOIN "
                            + TransactionProjection.TABLE + " t ON t.transaction_id = d.transaction_id"
                            + " WHERE t.authorization_id = ANY(:ids) ORDER BY d.opened_at, d.dispute_id")
                    .param("ids", ids.toArray(String[]::new))
                    .query((rs, n) -> Map.entry(rs.getString("authorization_id"), dispute(rs, n))).list()
                    .forEach(d -> disputes.computeIfAbsent(d.getKey(), k -> new ArrayList<>()).add(d.getValue()));
        }
        return new Page<>(authorizations.items().stream().map(a -> new SpendChain(a,
                        a.spendRequestId() == null ? null : requests.get(a.spendRequestId()),
                        transactions.getOrDefault(a.authorizationId(), List.of()),
                        disputes.getOrDefault(a.authorizationId(), List.of()))).toList(),
                authorizations.total(), authorizations.totalExact(), authorizations.limit(),
                authorizations.nextCursor());
    }

    /** Transactions, newest first; {@code status} filters by type (capture, refund). */
    Page<TransactionItem> transactions(Filter f, Integer limit, String cursor) {
        return ListQuery.of(TransactionProjection.TABLE)
                .filter("wallet_id = :wallet", "wallet", f.walletId())
                .filter("org_id = :org", "org", f.orgId())
                .filter("type = :type", "type", f.status())
                .filter("created_at >= :from", "from", utc(f.from()))
                .filter("created_at < :to", "to", utc(f.to()))
                .orderBy(Key.desc("created_at", Type.INSTANT), Key.desc("transaction_id", Type.TEXT))
                .page(jdbc, limit, cursor, this::transaction);
    }

    /** Disputes, newest first. */
    Page<DisputeItem> disputes(Filter f, Integer limit, String cursor) {
        return ListQuery.of(DisputeProjection.TABLE)
                .filter("wallet_id = :wallet", "wallet", f.walletId())
                .filter("org_id = :org", "org", f.orgId())
                .filter("status = :status", "status", f.status())
                .filter("opened_at >= :from", "from", utc(f.from()))
                .filter("opened_at < :to", "to", utc(f.to()))
                .orderBy(Key.desc("opened_at", Type.INSTANT), Key.desc("dispute_id", Type.TEXT))
                .page(jdbc, limit, cursor, this::dispute);
    }

    private WalletItem wallet(ResultSet rs, int n) throws SQLException {
        return new WalletItem(rs.getString("wallet_id"), rs.getString("agent_id"), rs.getString("org_id"),
                rs.getString("workspace_id"), rs.getString("currency"), json.readTree(rs.getString("policy")),
                instant(rs, "opened_at"), instant(rs, "policy_changed_at"), rs.getLong("cards"),
                rs.getLong("active_cards"), rs.getLong("spent_today"), rs.getLong("spent_this_month"),
                rs.getLong("pending_spend_requests"), rs.getLong("declines_last_24h"), rs.getLong("open_disputes"));
    }

    private TransactionItem transaction(ResultSet rs, int n) throws SQLException {
        return new TransactionItem(rs.getString("transaction_id"), rs.getString("wallet_id"), rs.getString("org_id"),
                rs.getString("authorization_id"), rs.getString("card_id"), rs.getString("type"), rs.getLong("amount"),
                rs.getString("currency"), rs.getString("merchant_name"), rs.getString("category"),
                instant(rs, "created_at"));
    }

    private DisputeItem dispute(ResultSet rs, int n) throws SQLException {
        return new DisputeItem(rs.getString("dispute_id"), rs.getString("wallet_id"), rs.getString("org_id"),
                rs.getString("transaction_id"), rs.getString("status"), rs.getLong("amount"),
                rs.getString("currency"), rs.getString("reason"), instant(rs, "opened_at"), rs.getString("opened_by"),
                rs.getString("explanation"), instant(rs, "status_changed_at"));
    }

    private CardItem card(ResultSet rs, int n) throws SQLException {
        return new CardItem(rs.getString("card_id"), rs.getString("wallet_id"), rs.getString("cardholder_id"),
                rs.getString("last4"), rs.getString("currency"), rs.getString("status"),
                rs.getString("cancellation_reason"), instant(rs, "issued_at"), rs.getString("issued_by"),
                instant(rs, "status_changed_at"));
    }

    private AuthorizationItem authorization(ResultSet rs, int n) throws SQLException {
        Instant receivedAt = instant(rs, "received_at");
        Instant decidedAt = instant(rs, "decided_at");
        return new AuthorizationItem(rs.getString("authorization_id"), rs.getString("wallet_id"),
                rs.getString("org_id"), rs.getString("card_id"), rs.getObject("amount", Long.class),
                rs.getString("currency"), rs.getString("merchant_name"), rs.getString("category"),
                rs.getString("decision_id"),
                rs.getObject("approved", Boolean.class), rs.getString("reason"), rs.getString("explanation"),
                rs.getString("spend_request_id"), receivedAt, decidedAt,
                receivedAt == null || decidedAt == null ? null : Duration.between(receivedAt, decidedAt).toMillis(),
                rs.getString("stripe_status"), rs.getObject("stripe_approved", Boolean.class),
                rs.getObject("stripe_amount", Long.class), rs.getString("stripe_reason"),
                rs.getObject("captured_amount", Long.class), rs.getLong("counted_amount"));
    }

    private SpendRequestItem spendRequest(ResultSet rs, int n) throws SQLException {
        return new SpendRequestItem(rs.getString("spend_request_id"), rs.getString("wallet_id"),
                rs.getString("org_id"), rs.getString("request_id"), rs.getString("requested_by"),
                rs.getLong("amount"), rs.getString("currency"), rs.getString("merchant_name"),
                rs.getString("category"), rs.getString("purpose"), instant(rs, "expires_at"),
                rs.getInt("approvals_required"), json.readValue(rs.getString("approvals"), APPROVALS),
                rs.getString("status"), instant(rs, "requested_at"), instant(rs, "closed_at"),
                rs.getString("closed_by"), rs.getString("close_reason"), rs.getString("consumed_by"));
    }
}
