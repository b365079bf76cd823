package com.opsledger.app;

import com.opsledger.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A spend request's expiry is a row in PostgreSQL, not a timer: it fires after the node that scheduled it is gone. */
class SpendRequestExpiryRestartTest {

    private final TestDatabase.Connection database = TestDatabase.freshDatabase();

    @Test
    void anExpiryScheduledBeforeAStopFiresAfterTheNextStart() {
        String spendRequestId;
        Instant expires;
        try (ConfigurableApplicationContext first = TestService.start(TestService.settings(database))) {
            Api api = new Api(TestService.port(first));
            String walletId = api.ingest("/api/v1/ingest/agent-wallet/wallets", AgentWalletTest.wallet("agent-r"))
                    .at("/walletId").asString();
            expires = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
            Api.Response requested = api.ingest("/api/v1/ingest/agent-wallet/wallets/" + walletId + "/spend-requests",
                    AgentWalletTest.spend("req-restart", 5_000, expires));
            assertThat(requested.status()).as(requested.raw()).isEqualTo(201);
            spendRequestId = requested.at("/spendRequestId").asString();
        }
        JdbcClient stopped = JdbcClient.create(new DriverManagerDataSource(database.url(), database.user(),
                database.password()));
        assertThat(Instant.now()).as("stopped before the expiry").isBefore(expires);
        assertThat(stopped.sql("SELECT count(*) FROM scheduled_tasks").query(Long.class).single())
                .as("the deadline waits in the database").isEqualTo(1);

        while (Instant.now().isBefore(expires.plusSeconds(1))) {
            Api.pause(Duration.ofMillis(200));
        }
        try (ConfigurableApplicationContext second = TestService.start(TestService.settings(database))) {
            Api api = new Api(TestService.port(second));
            AgentWalletTest.awaitStatus(api, spendRequestId, "expired", Duration.ofSeconds(30));
            assertThat(stopped.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%SpendRequestExpired'")
                    .query(Long.class).single()).as("expired once").isEqualTo(1);
        }
    }
}
