package com.opsledger.query.wallet;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.WireName;
import com.opsledger.events.wallet.event.DisputeOpened;
import com.opsledger.events.wallet.event.DisputeStatusChanged;
import com.opsledger.query.projection.ProjectionWrites;
import com.opsledger.query.projection.ReadModelTables;
import com.opsledger.query.projection.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Set;

import static com.opsledger.query.sql.SqlValues.utc;

/** Disputes on the wallets' transactions ({@value #TABLE}): who opened them with what evidence, and their status. */
@Component
@ProcessingGroup(DisputeProjection.NAME)
class DisputeProjection {

    static final String NAME = "disputes-v1";
    /** The table this version of the read model lives in. */
    static final String TABLE = "read_model.dispute_v1";
    static final ReadModel READ_MODEL = new ReadModel(NAME, Set.of(AggregateTypes.WALLET));

    private final ProjectionWrites writes;

    DisputeProjection(ReadModelTables tables) {
        this.writes = tables.writes(TABLE);
    }

    @EventHandler
    void on(DisputeOpened e, @Timestamp Instant at, @MetaDataValue(MetaDataKeys.ACTOR) String actor,
            @MetaDataValue(MetaDataKeys.REASON) String explanation) {
        writes.sql("""
                        INSERT INTO {table} (dispute_id, wallet_id, org_id, transaction_id, status, amount, currency,
                            reason, opened_at, opened_by, explanation)
                        VALUES (:id, :wallet, :org, :transaction, :status, :amount, :currency, :reason, :at, :actor,
                            :explanation)
                        ON CONFLICT (dispute_id) DO NOTHING""")
                .param("id", e.disputeId()).param("wallet", e.walletId()).param("org", e.orgId())
                .param("transaction", e.transactionId()).param("status", WireName.of(e.status()))
                .param("amount", e.amount()).param("currency", e.currency()).param("reason", e.reason())
                .param("at", utc(at)).param("actor", actor).param("explanation", explanation)
                .queue();
    }

    @EventHandler
    void on(DisputeStatusChanged e, @Timestamp Instant at) {
        writes.sql("UPDATE {table} SET status = :status, status_changed_at = :at WHERE dispute_id = :id")
                .param("status", WireName.of(e.status())).param("at", utc(at)).param("id", e.disputeId())
                .queue();
    }
}
