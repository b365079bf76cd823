package com.opsledger.query.wallet;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.wallet.event.CardholderRecorded;
import com.opsledger.query.projection.ProjectionWrites;
import com.opsledger.query.projection.ReadModelTables;
import com.opsledger.query.projection.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.Set;

import static com.opsledger.query.sql.SqlValues.utc;

/** The wallets' Stripe cardholders ({@value #TABLE}) with the onboarding requirements they have not met. */
@Component
@ProcessingGroup(CardholderProjection.NAME)
class CardholderProjection {

    static final String NAME = "cardholders-v1";
    /** The table this version of the read model lives in. */
    static final String TABLE = "read_model.cardholder_v1";
    static final ReadModel READ_MODEL = new ReadModel(NAME, Set.of(AggregateTypes.WALLET));

    private final ProjectionWrites writes;

    CardholderProjection(ReadModelTables tables) {
        this.writes = tables.writes(TABLE);
    }

    @EventHandler
    void on(CardholderRecorded e) {
        writes.sql("""
                        INSERT INTO {table} (cardholder_id, wallet_id, name, type, status, past_due, disabled_reason,
                            observed_at)
                        VALUES (:id, :wallet, :name, :type, :status, :pastDue, :disabled, :observed)
                        ON CONFLICT (cardholder_id) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type,
                            status = EXCLUDED.status, past_due = EXCLUDED.past_due,
                            disabled_reason = EXCLUDED.disabled_reason, observed_at = EXCLUDED.observed_at""")
                .param("id", e.cardholderId()).param("wallet", e.walletId()).param("name", e.name())
                .param("type", e.type()).param("status", e.status())
                .param("pastDue", e.pastDue().toArray(String[]::new)).param("disabled", e.disabledReason())
                .param("observed", utc(e.observedAt()))
                .queue();
    }
}
