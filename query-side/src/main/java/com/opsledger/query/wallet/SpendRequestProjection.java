package com.opsledger.query.wallet;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.WireName;
import com.opsledger.events.wallet.SpendRequestStatus;
import com.opsledger.events.wallet.event.SpendApprovalRecorded;
import com.opsledger.events.wallet.event.SpendRequestApproved;
import com.opsledger.events.wallet.event.SpendRequestCanceled;
import com.opsledger.events.wallet.event.SpendRequestConsumed;
import com.opsledger.events.wallet.event.SpendRequestExpired;
import com.opsledger.events.wallet.event.SpendRequestRejected;
import com.opsledger.events.wallet.event.SpendRequestReleased;
import com.opsledger.events.wallet.event.SpendRequested;
import com.opsledger.query.projection.ProjectionWrites;
import com.opsledger.query.projection.ReadModelTables;
import com.opsledger.query.projection.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.opsledger.query.sql.SqlValues.utc;

/**
 * Spend requests ({@value #TABLE}): what was asked, each approval with who gave it and when, and how the request
 * ended. A request waits for an operator ({@code pending_rank} 0) until it is approved or closed.
 */
@Component
@ProcessingGroup(SpendRequestProjection.NAME)
class SpendRequestProjection {

    static final String NAME = "spend-requests-v1";
    /** The table this version of the read model lives in. */
    static final String TABLE = "read_model.spend_request_v1";
    static final ReadModel READ_MODEL = new ReadModel(NAME, Set.of(AggregateTypes.WALLET));

    private static final int WAITING = 0;
    private static final int DONE_WAITING = 1;

    private final ProjectionWrites writes;
    private final JsonMapper json;

    SpendRequestProjection(ReadModelTables tables, JsonMapper json) {
        this.writes = tables.writes(TABLE);
        this.json = json;
    }

    @EventHandler
    void on(SpendRequested e, @Timestamp Instant at) {
        writes.sql("""
                        INSERT INTO {table} (spend_request_id, wallet_id, org_id, request_id, requested_by, amount,
                            currency, merchant_name, category, purpose, expires_at, approvals_required, approvals,
                            status, pending_rank, requested_at)
                        VALUES (:id, :wallet, :org, :requestId, :requestedBy, :amount, :currency, :merchant,
                            :category, :purpose, :expiresAt, :required, '[]', :status, :rank, :at)
                        ON CONFLICT (spend_request_id) DO NOTHING""")
                .param("id", e.spendRequestId()).param("wallet", e.walletId()).param("org", e.orgId())
                .param("requestId", e.requestId()).param("requestedBy", e.requestedBy())
                .param("amount", e.amount()).param("currency", e.currency()).param("merchant", e.merchantName())
                .param("category", e.category()).param("purpose", e.purpose())
                .param("expiresAt", utc(e.expiresAt())).param("required", e.approvalsRequired())
                .param("status", WireName.of(SpendRequestStatus.REQUESTED)).param("rank", WAITING)
                .param("at", utc(at))
                .queue();
    }

    @EventHandler
    void on(SpendApprovalRecorded e, @Timestamp Instant at) {
        addApproval(e.spendRequestId(), e.approver(), at, SpendRequestStatus.REQUESTED, WAITING);
    }

    @EventHandler
    void on(SpendRequestApproved e, @Timestamp Instant at) {
        addApproval(e.spendRequestId(), e.approvers().get(e.approvers().size() - 1), at,
                SpendRequestStatus.APPROVED, DONE_WAITING);
    }

    private void addApproval(String spendRequestId, String approver, Instant at, SpendRequestStatus status,
                             int rank) {
        writes.sql("""
                        UPDATE {table} SET approvals = approvals || CAST(:approval AS jsonb), status = :status,
                            pending_rank = :rank
                        WHERE spend_request_id = :id""")
                .param("approval", json.writeValueAsString(List.of(Map.of("operator", approver,
                        "at", at.toString()))))
                .param("status", WireName.of(status)).param("rank", rank).param("id", spendRequestId)
                .queue();
    }

    @EventHandler
    void on(SpendRequestRejected e, @Timestamp Instant at, @MetaDataValue(MetaDataKeys.REASON) String reason) {
        close(e.spendRequestId(), SpendRequestStatus.REJECTED, at, e.rejecter(), reason);
    }

    @EventHandler
    void on(SpendRequestCanceled e, @Timestamp Instant at, @MetaDataValue(MetaDataKeys.ACTOR) String actor,
            @MetaDataValue(MetaDataKeys.REASON) String reason) {
        close(e.spendRequestId(), SpendRequestStatus.CANCELED, at, actor, reason);
    }

    @EventHandler
    void on(SpendRequestExpired e, @Timestamp Instant at, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        close(e.spendRequestId(), SpendRequestStatus.EXPIRED, at, actor, null);
    }

    /** Used by the authorization it covered: closed, naming the authorization. */
    @EventHandler
    void on(SpendRequestConsumed e, @Timestamp Instant at, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        close(e.spendRequestId(), SpendRequestStatus.CONSUMED, at, actor, null);
        writes.sql("UPDATE {table} SET consumed_by = :authorization WHERE spend_request_id = :id")
                .param("authorization", e.authorizationId()).param("id", e.spendRequestId())
                .queue();
    }

    /** Given back by an authorization Stripe did not approve: approved again, as if never used. */
    @EventHandler
    void on(SpendRequestReleased e) {
        writes.sql("""
                        UPDATE {table} SET status = :status, closed_at = NULL, closed_by = NULL, close_reason = NULL,
                            consumed_by = NULL
                        WHERE spend_request_id = :id""")
                .param("status", WireName.of(SpendRequestStatus.APPROVED)).param("id", e.spendRequestId())
                .queue();
    }

    private void close(String spendRequestId, SpendRequestStatus status, Instant at, String by, String reason) {
        writes.sql("""
                        UPDATE {table} SET status = :status, pending_rank = :rank, closed_at = :at, closed_by = :by,
                            close_reason = :reason
                        WHERE spend_request_id = :id""")
                .param("status", WireName.of(status)).param("rank", DONE_WAITING).param("at", utc(at))
                .param("by", by).param("reason", reason).param("id", spendRequestId)
                .queue();
    }
}
