package com.opsledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The classifier re-run over stored feedback, end to end: items an older classifier recorded (stored as that
 * version stored them, before events carried findings) are reclassified by actor {@code classifier} with the
 * current version and its findings; an operator's classification stands; the security counts follow.
 */
class ClassifierRerunTest extends IntegrationTest {

    private static final String ADMIN = Api.token("ada", "admin");
    private static final String OPERATOR = Api.token("olivia", "operator");
    private static final String PROBE = "' onfocus=alert(1) autofocus '";
    private static final String MISSED = """
            {"securityClasses":[],"signal":"PRODUCT_SIGNAL","severity":"LOW"}""";

    @Autowired
    JdbcClient jdbc;

    @Test
    void itemsAnOlderClassifierMissedAreReclassifiedWithTheirFindingsAndOperatorsDecisionsStand() throws Exception {
        Api api = api();
        Instant window = Instant.parse("2021-03-01T00:00:00Z").plusSeconds((long) (Math.random() * 86_400) * 10);
        Api.Response fresh = api.ingest("/api/v1/ingest/feedback",
                FeedbackWorkflowTest.submission("sub-" + UUID.randomUUID(), PROBE));
        assertThat(fresh.at("/classification/securityClasses/0").asString()).isEqualTo("script");
        String template = fresh.at("/feedbackId").asString();

        String missed = storeAsVersionOne(template, window);
        String overridden = storeAsVersionOne(template, window.plusMillis(1));
        storeVersionOneEvent(overridden, 1, "com.opsledger.events.feedback.FeedbackReclassified", """
                {"feedbackId":"%s","previous":%s,"classification":{"securityClasses":["SQL"],"signal":"SECURITY_PROBE",
                "severity":"HIGH"}}""".formatted(overridden, MISSED));
        String counts = "/api/v1/admin/feedback/security?from=" + window + "&to=" + window.plusSeconds(1)
                + "&minPosition=" + head();
        assertThat(api.get(counts, OPERATOR).at("/byClassification/script").asLong(0)).isZero();

        assertThat(api.post("/api/v1/admin/feedback/reclassification", OPERATOR, Map.of()).status())
                .as("only admins start a re-run").isEqualTo(403);
        Api.Response started = api.post("/api/v1/admin/feedback/reclassification", ADMIN, Map.of());
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        assertThat(started.at("/startedBy").asString()).isEqualTo("ada");
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "finished".equals(api.get("/api/v1/admin/feedback/reclassification", OPERATOR).at("/state").asString()));
        JsonNode run = api.get("/api/v1/admin/feedback/reclassification", OPERATOR).json();
        assertThat(run.get("classifierVersion").asString()).isEqualTo("2");
        assertThat(run.get("reclassified").asLong()).isPositive();
        assertThat(run.get("unchanged").asLong()).as("the fresh item, classified by this version").isPositive();
        assertThat(run.get("skipped").asLong()).as("the operator's").isPositive();
        assertThat(run.get("failed").asLong()).isZero();

        JsonNode detail = api.get("/api/v1/admin/feedback/" + missed + "?minPosition=" + head(), OPERATOR).json();
        assertThat(detail.at("/item/securityClasses/0").asString()).isEqualTo("script");
        assertThat(detail.at("/item/signal").asString()).isEqualTo("security_probe");
        assertThat(detail.at("/item/findings/0/securityClass").asString()).isEqualTo("script");
        assertThat(detail.at("/item/findings").valueStream().map(f -> f.get("rule").asString()))
                .contains("script.event-handler", "script.sink-call");
        assertThat(detail.at("/item/findings").valueStream().map(f -> f.get("excerpt").asString()))
                .anySatisfy(excerpt -> assertThat(excerpt).contains("onfocus=alert(1)"));
        JsonNode last = detail.at("/timeline").get(detail.at("/timeline").size() - 1);
        assertThat(last.get("eventType").asString()).isEqualTo("FeedbackReclassified");
        assertThat(last.get("actor").asString()).isEqualTo("classifier");
        assertThat(last.get("reason").asString()).isEqualTo("classifier version 2");
        assertThat(last.at("/details/classifierVersion").asString()).isEqualTo("2");
        assertThat(last.at("/details/previous/signal").asString()).isEqualTo("product_signal");

        JsonNode kept = api.get("/api/v1/admin/feedback/" + overridden, OPERATOR).json();
        assertThat(kept.at("/item/securityClasses/0").asString()).isEqualTo("sql");
        assertThat(kept.at("/item/findings").size()).isZero();
        assertThat(api.get(counts, OPERATOR).at("/byClassification/script").asLong()).as("security counts follow").isEqualTo(1);
    }

    /** A copy of {@code templateId}'s submission as classifier version 1 stored it: no findings, no version. */
    private String storeAsVersionOne(String templateId, Instant submittedAt) throws Exception {
        String payload = jdbc.sql("""
                        SELECT payload FROM domain_event_entry WHERE aggregate_identifier = :id AND sequence_number = 0""")
                .param("id", templateId).query(String.class).single();
        String id = "fb-" + UUID.randomUUID();
        ObjectNode event = (ObjectNode) Api.JSON.readTree(payload);
        event.put("feedbackId", id).put("submissionId", "sub-" + id).put("submittedAt", submittedAt.toString());
        event.remove("classifierVersion");
        event.set("classification", Api.JSON.readTree(MISSED));
        storeVersionOneEvent(id, 0, "com.opsledger.events.feedback.FeedbackSubmitted", event.toString());
        return id;
    }

    private void storeVersionOneEvent(String aggregateId, long sequence, String payloadType, String payload) {
        jdbc.sql("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                            time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (:eventId, :aggregateId, :sequence, 'Feedback', :timeStamp, :payloadType, NULL, :payload,
                            '{"actor":"service:platform"}')""")
                .param("eventId", UUID.randomUUID().toString()).param("aggregateId", aggregateId)
                .param("sequence", sequence).param("timeStamp", Instant.now().toString())
                .param("payloadType", payloadType).param("payload", payload)
                .update();
    }

    private long head() {
        return jdbc.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();
    }
}
