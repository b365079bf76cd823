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
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.opsledger.query.sql.SqlValues.instant;
import static com.opsledger.query.sql.SqlValues.utc;

/** Reads of the wallet read models: wallets, their policy history, and spend requests (waiting ones first). */
@Repository
class WalletQueries {

    record WalletItem(String walletId, String agentId, String orgId, String workspaceId, String currency,
                      JsonNode policy, Instant openedAt, Instant policyChangedAt, long pendingSpendRequests) {
    }

    record PolicyVersion(long sequence, JsonNode policy, String changedBy, String reason, Instant changedAt) {
    }

    record Approval(String operator, Instant at) {
    }

    record SpendRequestItem(String spendRequestId, String walletId, String orgId, String requestId,
                            String requestedBy, long amount, String currency, String merchantName, String category,
                            String purpose, Instant expiresAt, int approvalsRequired, List<Approval> approvals,
                            String status, Instant requestedAt, Instant closedAt, String closedBy,
                            String closeReason) {
    }

    /** Filters of the spend request list; null means "any". */
    record SpendRequestFilter(String walletId, String orgId, String status, Instant from, Instant to) {
    }

    private static final TypeReference<List<Approval>> APPROVALS = new TypeReference<>() {
    };
    /** Counted per listed wallet from the spend requests' read model, by its wallet index. */
    private static final String WALLET_COLUMNS = "w.*, (SELECT count(*) FROM " + SpendRequestProjection.TABLE
            + " s WHERE s.wallet_id = w.wallet_id AND s.pending_rank = 0) AS pending_spend_requests";
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

    private WalletItem wallet(ResultSet rs, int n) throws SQLException {
        return new WalletItem(rs.getString("wallet_id"), rs.getString("agent_id"), rs.getString("org_id"),
                rs.getString("workspace_id"), rs.getString("currency"), json.readTree(rs.getString("policy")),
                instant(rs, "opened_at"), instant(rs, "policy_changed_at"), rs.getLong("pending_spend_requests"));
    }

    private SpendRequestItem spendRequest(ResultSet rs, int n) throws SQLException {
        return new SpendRequestItem(rs.getString("spend_request_id"), rs.getString("wallet_id"),
                rs.getString("org_id"), rs.getString("request_id"), rs.getString("requested_by"),
                rs.getLong("amount"), rs.getString("currency"), rs.getString("merchant_name"),
                rs.getString("category"), rs.getString("purpose"), instant(rs, "expires_at"),
                rs.getInt("approvals_required"), json.readValue(rs.getString("approvals"), APPROVALS),
                rs.getString("status"), instant(rs, "requested_at"), instant(rs, "closed_at"),
                rs.getString("closed_by"), rs.getString("close_reason"));
    }
}
