package com.opsledger.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Health with database and processor state, Prometheus metrics with processor lag, and the OpenAPI document. */
class ObservabilityTest extends IntegrationTest {

    private static final String ADMIN = Api.token("alex", "admin");

    @Test
    void healthReportsTheDatabaseAndEveryEventProcessor() {
        Api api = api();
        Api.Response anonymous = api.get("/actuator/health", null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.at("/status").asString()).isEqualTo("UP");
        assertThat(anonymous.at("/components").isMissingNode()).as("details only for operators").isTrue();

        JsonNode health = api.get("/actuator/health", ADMIN).json();
        assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
        JsonNode processors = health.at("/components/eventProcessors");
        assertThat(processors.at("/status").asString()).isEqualTo("UP");
        for (String name : new String[]{"feedback-queue-v1", "feedback-groups-v1", "notifications-v1"}) {
            JsonNode processor = processors.at("/details/" + name);
            assertThat(processor.get("running").asBoolean()).as(name).isTrue();
            assertThat(processor.get("error").asBoolean()).as(name).isFalse();
            assertThat(processor.has("caughtUp")).isTrue();
        }
    }

    @Test
    void prometheusExposesProcessorLag() {
        Api api = api();
        api.ingest("/api/v1/ingest/feedback",
                FeedbackWorkflowTest.submission("metrics-" + UUID.randomUUID(), "Metrics please"));
        Api.Response metrics = api.get("/actuator/prometheus", ADMIN);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw()).containsPattern("opsledger_processor_lag_events\\{processor=\"feedback-queue-v1\"}");
        assertThat(metrics.raw()).contains("hikaricp_connections");
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpoint() {
        JsonNode paths = api().get("/v3/api-docs", ADMIN).at("/paths");
        for (String path : new String[]{"/api/v1/ingest/feedback", "/api/v1/ingest/notifications",
                "/api/v1/admin/feedback", "/api/v1/admin/feedback/{id}", "/api/v1/admin/feedback/security",
                "/api/v1/admin/feedback-groups", "/api/v1/admin/feedback-groups/{id}",
                "/api/v1/admin/feedback/{id}/triage", "/api/v1/admin/feedback/{id}/reclassify",
                "/api/v1/admin/feedback-groups/{groupId}/triage", "/api/v1/admin/notifications",
                "/api/v1/admin/notifications/counts", "/api/v1/admin/notifications/acknowledge",
                "/api/v1/admin/projections"}) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(api().get("/swagger-ui/index.html", ADMIN).status()).isEqualTo(200);
    }
}
