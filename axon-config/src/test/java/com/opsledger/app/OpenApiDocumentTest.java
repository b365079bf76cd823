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

    /**
     * Each operation's documented credential and roles are what the access matrix (EndpointAccessTest, which walks
     * the real endpoints against it) says; fixed success codes and outside calls' 502 are documented as answered.
     */
    @Test
    void eachOperationDocumentsTheCredentialRolesAndCodesTheEndpointHas() {
        JsonNode doc = api().get("/v3/api-docs", AUDITOR).json();
        assertThat(doc.at("/info/license/name").asString()).isNotBlank();
        java.util.Set<String> operationIds = new java.util.HashSet<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                String method = entry.getKey().toUpperCase();
                JsonNode operation = entry.getValue();
                String where = method + " " + path.getKey();
                operations++;
                assertThat(operationIds.add(operation.get("operationId").asString())).as(where).isTrue();
                assertThat(operation.path("summary").asString("")).as(where + " has a summary").isNotBlank();
                assertThat(operation.path("description").asString("")).as(where + " has a description")
                        .isNotBlank();
                assertThat(operation.at("/responses").propertyNames()).as(where).contains("401", "500");
                if (path.getKey().startsWith("/webhooks/")) {
                    assertThat(operation.get("security")).as(where + ": no token, a signature").isEmpty();
                    continue;
                }
                String scheme = operation.at("/security/0").propertyNames().iterator().next();
                if (path.getKey().startsWith("/api/v1/ingest/")) {
                    assertThat(scheme).as(where).isEqualTo("serviceKey");
                    continue;
                }
                assertThat(scheme).as(where).isEqualTo("operatorToken");
                List<String> documented = operation.get("x-roles").valueStream().map(JsonNode::asString).toList();
                List<String> matrix = List.of(EndpointAccessTest.Caller.AUDITOR, EndpointAccessTest.Caller.OPERATOR,
                                EndpointAccessTest.Caller.ADMIN).stream()
                        .filter(caller -> EndpointAccessTest.passes(caller, method, path.getKey()))
                        .map(caller -> caller.name().toLowerCase()).toList();
                assertThat(documented).as(where).containsExactlyInAnyOrderElementsOf(matrix);
            }
        }
        assertThat(operations).isGreaterThan(70);
        JsonNode paths = doc.get("paths");
        for (String created : List.of("/api/v1/admin/agent-wallet/wallets/{walletId}/cards",
                "/api/v1/admin/agent-wallet/wallets/{walletId}/cardholders",
                "/api/v1/admin/agent-wallet/wallets/{walletId}/transactions/{transactionId}/dispute")) {
            JsonNode responses = paths.get(created).at("/post/responses");
            assertThat(responses.propertyNames()).as(created).contains("201", "502").doesNotContain("200");
        }
        for (String accepted : List.of("/api/v1/admin/feedback-groups/{groupId}/triage",
                "/api/v1/admin/feedback/reclassification",
                "/api/v1/admin/connectors/connections/{connectionId}/replays",
                "/api/v1/admin/projections/{name}/rebuild")) {
            assertThat(paths.get(accepted).at("/post/responses").propertyNames()).as(accepted).contains("202")
                    .doesNotContain("200");
        }
        assertThat(paths.at("/~1api~1v1~1admin~1feedback~1{id}~1triage/post/responses").propertyNames())
                .doesNotContain("502");
    }

    /**
     * No two path templates can match one path without one of them being the more specific (as OpenAPI's and
     * Redocly's no-ambiguous-paths rule has it): /a/{x}/c and /a/b/{y} would both take /a/b/c.
     */
    @Test
    void noTwoPathsAreAmbiguous() {
        List<String> paths = api().get("/v3/api-docs", AUDITOR).json().get("paths").propertyNames().stream().toList();
        List<String> ambiguous = new java.util.ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            for (int j = i + 1; j < paths.size(); j++) {
                if (ambiguous(paths.get(i).split("/"), paths.get(j).split("/"))) {
                    ambiguous.add(paths.get(i) + " and " + paths.get(j));
                }
            }
        }
        assertThat(ambiguous).isEmpty();
    }

    private static boolean ambiguous(String[] a, String[] b) {
        if (a.length != b.length) {
            return false;
        }
        boolean aMoreGeneral = false;
        boolean bMoreGeneral = false;
        for (int k = 0; k < a.length; k++) {
            boolean aTemplate = a[k].startsWith("{");
            boolean bTemplate = b[k].startsWith("{");
            if (!aTemplate && !bTemplate && !a[k].equals(b[k])) {
                return false;
            }
            aMoreGeneral |= aTemplate && !bTemplate;
            bMoreGeneral |= bTemplate && !aTemplate;
        }
        return aMoreGeneral && bMoreGeneral;
    }

    private static List<String> values(JsonNode schema) {
        return schema.get("enum").valueStream().map(JsonNode::asString).toList();
    }
}
