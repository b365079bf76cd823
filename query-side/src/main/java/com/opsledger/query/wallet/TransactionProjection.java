package com.opsledger.query.wallet;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.WireName;
import com.opsledger.events.wallet.event.TransactionRecorded;
import com.opsledger.query.projection.ProjectionWrites;
import com.opsledger.query.projection.ReadModelTables;
import com.opsledger.query.projection.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.Set;

import static com.opsledger.query.sql.SqlValues.utc;

/** Stripe Issuing transactions of the wallets' cards ({@value #TABLE}), linked to their authorizations. */
@Component
@ProcessingGroup(TransactionProjection.NAME)
class TransactionProjection {

    static final String NAME = "transactions-v1";
    /** The table this version of the read model lives in. */
    static final String TABLE = "read_model.transaction_v1";
    static final ReadModel READ_MODEL = new ReadModel(NAME, Set.of(AggregateTypes.WALLET));

    private final ProjectionWrites writes;

    TransactionProjection(ReadModelTables tables) {
        this.writes = tables.writes(TABLE);
    }

    @EventHandler
    void on(TransactionRecorded e) {
        writes.sql("""
                        INSERT INTO {table} (transaction_id, wallet_id, org_id, authorization_id, card_id, type,
                            amount, currency, merchant_name, category, created_at)
                        VALUES (:id, :wallet, :org, :authorization, :card, :type, :amount, :currency, :merchant,
                            :category, :createdAt)
                        ON CONFLICT (transaction_id) DO NOTHING""")
                .param("id", e.transactionId()).param("wallet", e.walletId()).param("org", e.orgId())
                .param("authorization", e.authorizationId()).param("card", e.cardId())
                .param("type", WireName.of(e.type())).param("amount", e.amount()).param("currency", e.currency())
                .param("merchant", e.merchantName()).param("category", e.category())
                .param("createdAt", utc(e.createdAt()))
                .queue();
    }
}
