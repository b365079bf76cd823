package com.opsledger.command.connector;

import com.opsledger.events.connector.ConnectorHealth;
import com.opsledger.events.connector.command.ReportConnector;
import com.opsledger.events.connector.event.ConnectorCataloged;
import com.opsledger.events.connector.event.ConnectorStatusConfirmed;
import com.opsledger.events.connector.event.ConnectorStatusReported;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

class ConnectorTest {

    private static final String CONNECTOR = "ctr-1";
    private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

    private AggregateTestFixture<Connector> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Connector.class);
    }

    private static ReportConnector report(String version, ConnectorHealth health, Instant at) {
        return new ReportConnector(CONNECTOR, "github", version, health, at, null);
    }

    private static ConnectorCataloged cataloged() {
        return new ConnectorCataloged(CONNECTOR, "github", "2.1", ConnectorHealth.HEALTHY, NOW, null);
    }

    @Test
    void theFirstReportCatalogsTheConnectorAndANewerOneRecordsItsChange() {
        fixture.givenNoPriorActivity().when(report("2.1", ConnectorHealth.HEALTHY, NOW))
                .expectEvents(cataloged()).expectResultMessagePayload(true);
        fixture.given(cataloged()).when(report("2.1", ConnectorHealth.DEGRADED, NOW.plusSeconds(60)))
                .expectEvents(new ConnectorStatusReported(CONNECTOR, "github", "2.1", ConnectorHealth.DEGRADED,
                        NOW.plusSeconds(60), null));
    }

    @Test
    void anOlderReportChangesNothing() {
        fixture.given(cataloged()).when(report("2.0", ConnectorHealth.DOWN, NOW.minusSeconds(1)))
                .expectNoEvents().expectResultMessagePayload(false);
    }

    /** v2 degraded @t-60, the same @t-30, then v0 down @t-45: the repeat's time outranks the late, older report. */
    @Test
    void theSameReportAgainIsTheNewestObservationAndOutranksAnOlderOneArrivingLater() {
        ConnectorStatusConfirmed again = new ConnectorStatusConfirmed(CONNECTOR, "github", NOW.plusSeconds(30));
        fixture.given(cataloged()).when(report("2.1", ConnectorHealth.HEALTHY, NOW.plusSeconds(30)))
                .expectEvents(again).expectResultMessagePayload(false);
        fixture.given(cataloged(), again).when(report("0.1", ConnectorHealth.DOWN, NOW.plusSeconds(15)))
                .expectNoEvents().expectResultMessagePayload(false);
    }
}
