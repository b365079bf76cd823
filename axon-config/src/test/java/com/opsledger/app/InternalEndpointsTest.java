package com.opsledger.app;

import com.opsledger.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the production default ({@code opsledger.connector.allow-private-endpoints} false), a connection whose endpoint
 * is on an internal address is refused at registration and nothing is recorded (SSRF: cloud metadata, the database,
 * the service's own actuator).
 */
class InternalEndpointsTest {

    private static ConfigurableApplicationContext service;
    private static Api api;

    @BeforeAll
    static void start() {
        Map<String, String> settings = TestService.settings(TestDatabase.freshDatabase());
        settings.put("opsledger.connector.allow-private-endpoints", "false");
        service = TestService.start(settings);
        api = new Api(TestService.port(service));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aConnectionToAnInternalAddressIsRefusedNamingTheFieldAndRecordsNothing() {
        JdbcClient jdbc = service.getBean(JdbcClient.class);
        long before = jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
        for (String endpoint : List.of("http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:5432/",
                "http://localhost:8080/actuator", "http://[::1]:8080/", "https://10.1.2.3/hook",
                "http://192.168.0.10/hook", "http://0.0.0.0:8080/", "http://[::ffff:127.0.0.1]/",
                "http://[fd00::1]/hook")) {
            Map<String, Object> body = new HashMap<>(Map.of("id", "conn-" + UUID.randomUUID(), "connector", "github",
                    "orgId", "org-1", "workspaceId", "ws-1", "endpointUrl", endpoint, "scheme", "none"));
            Api.Response refused = api.ingest("/api/v1/ingest/connections", body);
            SecurityAndErrorsTest.assertProblem(refused, 400);
            assertThat(refused.at("/errors/0/field").asString()).as(endpoint).isEqualTo("endpointUrl");
            assertThat(refused.at("/errors/0/message").asString()).as(endpoint)
                    .contains("which connections may not reach");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single())
                .as("nothing recorded").isEqualTo(before);
    }
}
