package com.opsledger.query.connector;

import com.opsledger.events.AggregateTypes;
import com.opsledger.events.WireName;
import com.opsledger.events.connector.event.ConnectorCataloged;
import com.opsledger.events.connector.event.ConnectorStatusConfirmed;
import com.opsledger.events.connector.event.ConnectorStatusReported;
import com.opsledger.query.projection.ProjectionWrites;
import com.opsledger.query.projection.ReadModelTables;
import com.opsledger.query.projection.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.Set;

import static com.opsledger.query.sql.SqlValues.utc;

/** The connector catalog ({@value #TABLE}): each connector's version and health as the platform last reported. */
@Component
@ProcessingGroup(ConnectorCatalogProjection.NAME)
class ConnectorCatalogProjection {

    static final String NAME = "connector-catalog-v1";
    /** The table this version of the read model lives in. */
    static final String TABLE = "read_model.connector_catalog_v1";
    static final ReadModel READ_MODEL = new ReadModel(NAME, Set.of(AggregateTypes.CONNECTOR));

    private final ProjectionWrites writes;

    ConnectorCatalogProjection(ReadModelTables tables) {
        this.writes = tables.writes(TABLE);
    }

    @EventHandler
    void on(ConnectorCataloged e) {
        writes.sql("""
                        INSERT INTO {table} (name, connector_id, version, health, detail, observed_at, first_seen_at)
                        VALUES (:name, :id, :version, :health, :detail, :at, :at)
                        ON CONFLICT (name) DO NOTHING""")
                .param("name", e.name()).param("id", e.connectorId()).param("version", e.version())
                .param("health", WireName.of(e.health())).param("detail", e.detail()).param("at", utc(e.observedAt()))
                .queue();
    }

    @EventHandler
    void on(ConnectorStatusReported e) {
        writes.sql("""
                        UPDATE {table} SET version = :version, health = :health, detail = :detail, observed_at = :at
                        WHERE name = :name""")
                .param("version", e.version()).param("health", WireName.of(e.health())).param("detail", e.detail())
                .param("at", utc(e.observedAt())).param("name", e.name())
                .queue();
    }

    @EventHandler
    void on(ConnectorStatusConfirmed e) {
        writes.sql("UPDATE {table} SET observed_at = :at WHERE name = :name")
                .param("at", utc(e.observedAt())).param("name", e.name()).queue();
    }
}
