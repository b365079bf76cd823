package com.opsledger.app;

import com.opsledger.command.connector.delivery.DeliverySignature;
import com.opsledger.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A scheduled retry is a row in PostgreSQL: it is made after the node that scheduled or picked it has stopped. */
class ConnectorDeliveryRestartTest {

    private final TestDatabase.Connection database = TestDatabase.freshDatabase();

    @Test
    void aRetryScheduledBeforeAStopIsMadeAfterTheNextStart() {
        JdbcClient store = JdbcClient.create(new DriverManagerDataSource(database.url(), database.user(),
                database.password()));
        try (LocalWorker worker = new LocalWorker(n -> LocalWorker.Answer.status(n == 1 ? 503 : 200))) {
            String deliveryId;
            try (ConfigurableApplicationContext first = TestService.start(TestService.settings(database))) {
                Api api = new Api(TestService.port(first));
                String inbound = DeliverySignature.newSecret(new SecureRandom());
                Api.Response registered = api.ingest("/api/v1/ingest/connections", Map.of("id", "conn-restart",
                        "connector", "slack", "orgId", "org-1", "workspaceId", "ws-1", "endpointUrl", worker.url(),
                        "scheme", "standard_webhooks", "inboundSecret", inbound,
                        "retrySchedule", Map.of("delays", List.of("PT0S", "PT6S"), "jitter", 0)));
                assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
                String body = "{\"type\":\"message\"}";
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:"
                                + TestService.port(first) + "/webhooks/connectors/"
                                + registered.at("/connectionId").asString()))
                        .POST(HttpRequest.BodyPublishers.ofString(body));
                DeliverySignature.headers(List.of(inbound), "msg_restart", Instant.now(), body)
                        .forEach(request::header);
                Api.Response accepted = api.send(request, null, null);
                assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
                deliveryId = accepted.at("/deliveryId").asString();
                worker.await(1, Duration.ofSeconds(30));
                awaitCount(store, deliveryId, "DeliveryRetryScheduled", 1);
            }
            assertThat(worker.received()).as("stopped before the retry").hasSize(1);
            // As if a node had picked the retry and died (kill -9) before it ran: it stays picked by that node until
            // the node has missed its heartbeats, and is then run by a live one.
            assertThat(store.sql("UPDATE scheduled_tasks SET picked = true, picked_by = 'a-dead-node',"
                    + " last_heartbeat = now() - interval '10 minutes', execution_time = now()"
                    + " WHERE convert_from(task_data, 'UTF8') LIKE '%delivery-retry%'").update()).isEqualTo(1);
            try (ConfigurableApplicationContext second = TestService.start(TestService.settings(database))) {
                worker.await(2, Duration.ofSeconds(90));
                awaitCount(store, deliveryId, "DeliveryAttemptSucceeded", 1);
            }
            assertThat(worker.received()).extracting(r -> r.header("webhook-id")).containsExactly(deliveryId,
                    deliveryId);
            assertThat(count(store, deliveryId, "DeliveryAttemptDue")).as("no attempt recorded twice").isEqualTo(2);
        }
    }

    /**
     * A node stopped while its attempt waits for the worker: no outcome is recorded, so the attempt's watch (its
     * timeout and 30 s) declares it stalled on the next node, which raises a stall alert and retries; the retry
     * delivers and the alert clears itself.
     */
    @Test
    void anAttemptCutShortByAStopIsStalledAlertedRetriedAndTheAlertClears() {
        JdbcClient store = JdbcClient.create(new DriverManagerDataSource(database.url(), database.user(),
                database.password()));
        try (LocalWorker worker = new LocalWorker(n -> n == 1 ? new LocalWorker.Answer(200, Map.of(),
                Duration.ofSeconds(10)) : LocalWorker.Answer.status(200))) {
            String deliveryId;
            String connectionId;
            try (ConfigurableApplicationContext first = TestService.start(TestService.settings(database))) {
                Api api = new Api(TestService.port(first));
                ConnectorDeliveryTest.Registered connection = ConnectorDeliveryTest.register(api, worker.url(),
                        List.of("PT0S", "PT1S"), "PT5S");
                connectionId = connection.connectionId();
                deliveryId = ConnectorDeliveryTest.send(api, connection, "msg_cut", "{\"type\":\"cut\"}",
                        connection.inboundSecret(), Instant.now()).at("/deliveryId").asString();
                worker.await(1, Duration.ofSeconds(30));
            }
            assertThat(count(store, deliveryId, "DeliveryAttemptFailed") + count(store, deliveryId,
                    "DeliveryAttemptSucceeded")).as("no outcome: the node stopped mid-attempt").isZero();
            try (ConfigurableApplicationContext second = TestService.start(TestService.settings(database))) {
                Api api = new Api(TestService.port(second));
                awaitCount(store, deliveryId, "DeliveryAttemptSucceeded", 1, Duration.ofSeconds(90));
                assertThat(count(store, deliveryId, "DeliveryAttemptStalled")).isEqualTo(1);
                assertThat(worker.received()).extracting(r -> r.header("X-OpsLedger-Attempt"))
                        .as("the worker saw the event once per attempt recorded").containsExactly("1", "2");
                String operator = Api.token("nora", "operator");
                Instant until = Instant.now().plusSeconds(30);
                JsonNode alert;
                do {
                    Api.pause(Duration.ofMillis(200));
                    alert = api.get("/api/v1/admin/notifications?kind=connector_stalled", operator).json()
                            .at("/items").valueStream().filter(n -> n.get("source").asString().equals(connectionId))
                            .findFirst().orElse(null);
                } while ((alert == null || !alert.get("acknowledged").asBoolean()) && Instant.now().isBefore(until));
                assertThat(alert).as("the stall alert").isNotNull();
                assertThat(alert.get("severity").asString()).isEqualTo("warning");
                assertThat(alert.get("acknowledged").asBoolean()).as("cleared when the route delivered").isTrue();
                assertThat(alert.get("acknowledgedBy").asString()).isEqualTo("system:connector-delivery");
            }
        }
    }

    /** A queue past the spike threshold raises an alert, which clears itself once the queue is below half of it. */
    @Test
    void aQueueSpikeRaisesAnAlertThatClearsWhenTheQueueDrains() {
        Map<String, String> settings = TestService.settings(database);
        settings.put("opsledger.connector.queue-spike-threshold", "3");
        try (LocalWorker worker = new LocalWorker(n -> LocalWorker.Answer.status(204));
             ConfigurableApplicationContext node = TestService.start(settings)) {
            Api api = new Api(TestService.port(node));
            String operator = Api.token("quinn", "operator");
            ConnectorDeliveryTest.Registered connection = ConnectorDeliveryTest.register(api, worker.url(),
                    List.of("PT0S"), "PT5S");
            String path = "/api/v1/admin/connectors/connections/" + connection.connectionId();
            assertThat(api.post(path + "/pause", operator, Map.of("reason", "spike")).status()).isEqualTo(200);
            for (int i = 0; i < 4; i++) {
                assertThat(ConnectorDeliveryTest.send(api, connection, "msg_spike_" + i, "{\"type\":\"s\"}",
                        connection.inboundSecret(), Instant.now()).status()).isEqualTo(200);
            }
            JsonNode raised = awaitAlert(api, operator, connection.connectionId(), false);
            assertThat(raised.get("summary").asString()).startsWith("3 deliveries are waiting");
            assertThat(api.post(path + "/resume", operator, Map.of("reason", "drain")).status()).isEqualTo(200);
            worker.await(4, Duration.ofSeconds(30));
            JsonNode cleared = awaitAlert(api, operator, connection.connectionId(), true);
            assertThat(cleared.get("acknowledgedBy").asString()).isEqualTo("system:connector-delivery");
        }
    }

    /** The queue spike alert of a connection, once it is there (and acknowledged, if asked). */
    private static JsonNode awaitAlert(Api api, String operator, String connectionId, boolean acknowledged) {
        Instant until = Instant.now().plusSeconds(30);
        while (true) {
            JsonNode alert = api.get("/api/v1/admin/notifications?kind=connector_queue_spike", operator).json()
                    .at("/items").valueStream().filter(n -> n.get("source").asString().equals(connectionId))
                    .findFirst().orElse(null);
            if (alert != null && alert.get("acknowledged").asBoolean() == acknowledged) {
                return alert;
            }
            assertThat(Instant.now()).as("queue spike alert of %s, acknowledged %s", connectionId, acknowledged)
                    .isBefore(until);
            Api.pause(Duration.ofMillis(200));
        }
    }

    private static long count(JdbcClient store, String deliveryId, String type) {
        return store.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :id"
                + " AND payload_type LIKE :type").param("id", deliveryId).param("type", "%." + type)
                .query(Long.class).single();
    }

    private static void awaitCount(JdbcClient store, String deliveryId, String type, long expected) {
        awaitCount(store, deliveryId, type, expected, Duration.ofSeconds(30));
    }

    private static void awaitCount(JdbcClient store, String deliveryId, String type, long expected,
                                   Duration atMost) {
        Instant until = Instant.now().plus(atMost);
        while (count(store, deliveryId, type) < expected) {
            assertThat(Instant.now()).as("no %s within %s", type, atMost).isBefore(until);
            Api.pause(Duration.ofMillis(100));
        }
    }
}
