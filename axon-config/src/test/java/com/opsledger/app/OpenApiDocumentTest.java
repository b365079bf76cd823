package com.opsledger.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document is one a client generator can use: credentials, errors, 201s, enums, limits, free-form JSON. */
class OpenApiDocumentTest extends IntegrationTest {

    private static final String AUDITOR = Api.token("olga", "auditor");

    @Test
    void theDocumentDescribesCredentialsErrorsEnumsAndLimits() {
        JsonNode doc = api().get("/v3/api-docs", AUDITOR).json();
        JsonNode paths = doc.get("paths");
        assertThat(paths.has("/error")).as("the container's error path is no API").isFalse();

        assertThat(doc.at("/components/securitySchemes/operatorToken/scheme").asString()).isEqualTo("bearer");
        assertThat(doc.at("/components/securitySchemes/serviceKey/name").asString()).isEqualTo("X-Service-Key");
        JsonNode ingest = paths.at("/~1api~1v1~1ingest~1feedback/post");
        assertThat(ingest.at("/security/0").propertyNames()).containsExactly("serviceKey");
        assertThat(ingest.at("/responses").propertyNames()).contains("200", "201", "400", "401", "409", "413", "415");
        assertThat(ingest.at("/responses/201/content/application~1json/schema/$ref").asString())
                .endsWith("FeedbackReceipt");
        assertThat(ingest.at("/responses/400/content/application~1problem+json/schema/$ref").asString())
                .endsWith("/Problem");

        JsonNode queue = paths.at("/~1api~1v1~1admin~1feedback/get");
        assertThat(queue.at("/security/0").propertyNames()).containsExactly("operatorToken");
        assertThat(queue.at("/responses").propertyNames()).contains("200", "400", "401", "403", "503");
        Map<String, JsonNode> parameters = new java.util.HashMap<>();
        queue.get("parameters").forEach(p -> parameters.put(p.get("name").asString(), p.get("schema")));
        assertThat(values(parameters.get("state"))).containsExactly("open", "triaged", "in_progress", "done",
                "archived");
        assertThat(values(parameters.get("mode"))).containsExactly("feedback", "security");
        assertThat(values(parameters.get("sort"))).containsExactly("severity", "newest");
        assertThat(parameters.get("from").get("format").asString()).isEqualTo("date-time");
        assertThat(parameters.get("limit").get("type").asString()).isEqualTo("integer");

        assertThat(paths.at("/~1api~1v1~1admin~1feedback~1{id}/get/responses").propertyNames()).contains("404");
        assertThat(paths.at("/~1api~1v1~1admin~1feedback~1{id}~1triage/post/responses").propertyNames())
                .contains("404", "409");

        JsonNode schemas = doc.at("/components/schemas");
        assertThat(schemas.has("JsonNode")).as("no Jackson internals").isFalse();
        assertThat(schemas.at("/FeedbackSubmissionRequest/properties/context/type").asString()).isEqualTo("object");
        assertThat(schemas.at("/FeedbackSubmissionRequest/properties/message/maxLength").asInt()).isEqualTo(10_000);
        assertThat(values(schemas.at("/NotificationRequest/properties/kind"))).contains("schedule_failed");
        assertThat(schemas.at("/NotificationRequest/properties/occurredAt/format").asString()).isEqualTo("date-time");
        assertThat(values(schemas.at("/Reclassification/properties/securityClasses/items"))).contains("sql");
        assertThat(schemas.at("/Problem/properties/errors/type").asString()).isEqualTo("array");
    }

    private static List<String> values(JsonNode schema) {
        return schema.get("enum").valueStream().map(JsonNode::asString).toList();
    }
}
