package com.opsledger.query.wallet;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.wallet.SpendPolicy;
import com.opsledger.events.wallet.event.SpendPolicyChanged;
import com.opsledger.events.wallet.event.WalletOpened;
import com.opsledger.query.projection.ProjectionWrites;
import com.opsledger.query.projection.ReadModelTables;
import com.opsledger.query.projection.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Set;

import static com.opsledger.query.sql.SqlValues.utc;

/** Agent wallets ({@value #TABLE}) and every spend policy each had ({@value #POLICY_TABLE}). */
@Component
@ProcessingGroup(WalletProjection.NAME)
class WalletProjection {

    static final String NAME = "wallets-v1";
    /** The tables this version of the read model lives in. */
    static final String TABLE = "read_model.wallet_v1";
    static final String POLICY_TABLE = "read_model.wallet_policy_v1";
    static final ReadModel READ_MODEL = new ReadModel(NAME, Set.of(AggregateTypes.WALLET));

    private final ProjectionWrites wallets;
    private final ProjectionWrites policies;
    private final JsonMapper json;

    WalletProjection(ReadModelTables tables, JsonMapper json) {
        this.wallets = tables.writes(TABLE);
        this.policies = tables.writes(POLICY_TABLE);
        this.json = json;
    }

    @EventHandler
    void on(WalletOpened e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor) {
        wallets.sql("""
                        INSERT INTO {table} (wallet_id, agent_id, org_id, workspace_id, currency, policy, opened_at)
                        VALUES (:id, :agent, :org, :workspace, :currency, CAST(:policy AS jsonb), :at)
                        ON CONFLICT (wallet_id) DO NOTHING""")
                .param("id", e.walletId()).param("agent", e.agentId()).param("org", e.orgId())
                .param("workspace", e.workspaceId()).param("currency", e.currency())
                .param("policy", json.writeValueAsString(e.policy())).param("at", utc(at))
                .queue();
        recordPolicy(e.walletId(), sequence, e.policy(), actor, null, at);
    }

    @EventHandler
    void on(SpendPolicyChanged e, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(MetaDataKeys.ACTOR) String actor, @MetaDataValue(MetaDataKeys.REASON) String reason) {
        wallets.sql("UPDATE {table} SET policy = CAST(:policy AS jsonb), policy_changed_at = :at WHERE wallet_id = :id")
                .param("policy", json.writeValueAsString(e.policy())).param("at", utc(at)).param("id", e.walletId())
                .queue();
        recordPolicy(e.walletId(), sequence, e.policy(), actor, reason, at);
    }

    private void recordPolicy(String walletId, long sequence, SpendPolicy policy, String actor, String reason,
                              Instant at) {
        policies.sql("""
                        INSERT INTO {table} (wallet_id, sequence, policy, changed_by, reason, changed_at)
                        VALUES (:id, :sequence, CAST(:policy AS jsonb), :actor, :reason, :at)
                        ON CONFLICT (wallet_id, sequence) DO NOTHING""")
                .param("id", walletId).param("sequence", sequence).param("policy", json.writeValueAsString(policy))
                .param("actor", actor).param("reason", reason).param("at", utc(at))
                .queue();
    }
}
