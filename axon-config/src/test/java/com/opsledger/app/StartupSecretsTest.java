package com.opsledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Outside local mode the service will not start without its secrets: no silently open or unverifiable API. */
class StartupSecretsTest {

    private final TestDatabase.Connection database = TestDatabase.freshDatabase();

    private void start(String... extra) {
        String[] base = {"--server.port=0", "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password()};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        new SpringApplicationBuilder(OpsLedgerApplication.class).run(args).close();
    }

    @Test
    void refusesToStartWithoutAServiceKey() {
        assertThatThrownBy(() -> start("--opsledger.security.jwt.hmac-secret=" + IntegrationTest.HMAC_SECRET))
                .hasStackTraceContaining("opsledger.security.service-key (OPSLEDGER_SERVICE_KEY) must be set");
    }

    @Test
    void refusesToStartWithoutAWayToVerifyOperatorTokens() {
        assertThatThrownBy(() -> start("--opsledger.security.service-key=" + IntegrationTest.SERVICE_KEY))
                .hasStackTraceContaining("No way to verify operator tokens");
    }

    @Test
    void refusesAShortHmacSecret() {
        assertThatThrownBy(() -> start("--opsledger.security.service-key=" + IntegrationTest.SERVICE_KEY,
                "--opsledger.security.jwt.hmac-secret=short"))
                .hasStackTraceContaining("at least 32 bytes");
    }
}
