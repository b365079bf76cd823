package com.opsledger.app;

import com.opsledger.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside local mode the service will not start without its secrets: no silently open or unverifiable API. */
class StartupSecretsTest {

    private final TestDatabase.Connection database = TestDatabase.freshDatabase();

    /** Starts with the test settings less the secrets, plus the given ones. */
    private void start(Map<String, String> secrets) {
        Map<String, String> settings = TestService.settings(database);
        settings.keySet().removeIf(key -> key.startsWith("opsledger.security."));
        settings.putAll(secrets);
        TestService.start(settings).close();
    }

    @Test
    void refusesToStartWithoutAServiceKey() {
        assertThatThrownBy(() -> start(Map.of("opsledger.security.jwt.hmac-secret", IntegrationTest.HMAC_SECRET)))
                .hasStackTraceContaining("opsledger.security.service-key (OPSLEDGER_SERVICE_KEY) must be set");
    }

    @Test
    void refusesToStartWithoutAWayToVerifyOperatorTokens() {
        assertThatThrownBy(() -> start(Map.of("opsledger.security.service-key", IntegrationTest.SERVICE_KEY)))
                .hasStackTraceContaining("No way to verify operator tokens");
    }

    @Test
    void refusesAJwkSetWithoutIssuerAndAudience() {
        assertThatThrownBy(() -> start(Map.of("opsledger.security.service-key", IntegrationTest.SERVICE_KEY,
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "https://idp.example/jwks.json")))
                .hasStackTraceContaining("opsledger.security.jwt.issuer")
                .hasStackTraceContaining("opsledger.security.jwt.audience");
    }

    @Test
    void checksTheSettingsBeforeTouchingTheDatabase() throws Exception {
        assertThatThrownBy(() -> start(Map.of())).hasStackTraceContaining("OpsLedger cannot start");
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             ResultSet tables = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")) {
            tables.next();
            assertThat(tables.getLong(1)).as("tables created").isZero();
        }
    }

    @Test
    void refusesAShortHmacSecret() {
        assertThatThrownBy(() -> start(Map.of("opsledger.security.service-key", IntegrationTest.SERVICE_KEY,
                "opsledger.security.jwt.hmac-secret", "short")))
                .hasStackTraceContaining("at least 32 bytes");
    }

    /** The burst rule's settings are bound and checked where the rule lives (the group aggregate). */
    @Test
    void refusesABurstThresholdOutOfRange() {
        for (String threshold : new String[] {"1", "1001"}) {
            Map<String, String> settings = TestService.settings(database);
            settings.put("opsledger.feedback.burst.threshold", threshold);
            assertThatThrownBy(() -> TestService.start(settings).close())
                    .hasStackTraceContaining("opsledger.feedback.burst")
                    .hasStackTraceContaining("threshold");
        }
    }
}
