package com.opsledger.query.wallet;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.WireName;
import com.opsledger.events.wallet.event.CardIssued;
import com.opsledger.events.wallet.event.CardStatusChanged;
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

/** The wallets' Stripe Issuing cards ({@value #TABLE}) and their status as Stripe last reported it. */
@Component
@ProcessingGroup(CardProjection.NAME)
class CardProjection {

    static final String NAME = "cards-v1";
    /** The table this version of the read model lives in. */
    static final String TABLE = "read_model.card_v1";
    static final ReadModel READ_MODEL = new ReadModel(NAME, Set.of(AggregateTypes.WALLET));

    private final ProjectionWrites writes;

    CardProjection(ReadModelTables tables) {
        this.writes = tables.writes(TABLE);
    }

    @EventHandler
    void on(CardIssued e, @Timestamp Instant at, @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        writes.sql("""
                        INSERT INTO {table} (card_id, wallet_id, cardholder_id, last4, currency, status,
                            cancellation_reason, issued_at, issued_by, observed_at)
                        VALUES (:id, :wallet, :cardholder, :last4, :currency, :status, :cancellation, :at, :actor,
                            :observed)
                        ON CONFLICT (card_id) DO NOTHING""")
                .param("id", e.cardId()).param("wallet", e.walletId()).param("cardholder", e.cardholderId())
                .param("last4", e.last4()).param("currency", e.currency()).param("status", WireName.of(e.status()))
                .param("cancellation", e.cancellationReason()).param("at", utc(at)).param("actor", actor)
                .param("observed", utc(e.observedAt()))
                .queue();
    }

    @EventHandler
    void on(CardStatusChanged e, @Timestamp Instant at) {
        writes.sql("""
                        UPDATE {table} SET status = :status, cancellation_reason = :cancellation,
                            status_changed_at = :at, observed_at = :observed
                        WHERE card_id = :id""")
                .param("status", WireName.of(e.status())).param("cancellation", e.cancellationReason())
                .param("at", utc(at)).param("observed", utc(e.observedAt())).param("id", e.cardId())
                .queue();
    }
}
