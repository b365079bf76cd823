package com.opsledger.app;

import com.opsledger.command.connector.delivery.DeliverySignature;
import com.opsledger.events.connector.ConnectorIds;
import com.opsledger.events.runtime.RuntimeIds;
import com.opsledger.events.runtime.RuntimeKind;
import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connector webhooks end to end over real HTTP: an upstream posts signed webhooks to OpsLedger, which verifies them
 * and delivers each to a real local worker, signed per Standard Webhooks, retrying by the connection's schedule
 * (persistent deadlines) until the worker takes it, with every attempt an event.
 */
class ConnectorDeliveryTest extends IntegrationTest {

    private static final String OPERATOR = Api.token("olga", "operator");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    private JdbcClient jdbc;

    /** A registered connection: its id, the upstream's secret and the secret deliveries are signed with. */
    record Registered(String connectionId, String inboundSecret, String signingSecret) {
    }

    private Registered register(String endpoint, List<String> delays, String timeout) {
        return register(api(), endpoint, delays, timeout);
    }

    /** Registers a github connection to {@code endpoint} whose upstream signs per Standard Webhooks. */
    static Registered register(Api api, String endpoint, List<String> delays, String timeout) {
        String inbound = DeliverySignature.newSecret(new SecureRandom());
        Map<String, Object> body = new HashMap<>(Map.of("id", "conn-" + UUID.randomUUID(), "connector", "github",
                "orgId", "org-1", "workspaceId", "ws-1", "endpointUrl", endpoint, "scheme", "standard_webhooks",
                "inboundSecret", inbound, "retrySchedule", Map.of("delays", delays, "jitter", 0),
                "attemptTimeout", timeout));
        Api.Response registered = api.ingest("/api/v1/ingest/connections", body);
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        assertThat(registered.at("/webhookPath").asString())
                .isEqualTo("/webhooks/connectors/" + registered.at("/connectionId").asString());
        return new Registered(registered.at("/connectionId").asString(), inbound,
                registered.at("/signingSecret").asString());
    }

    /** Posts a webhook signed as a Standard Webhooks upstream signs it, with {@code secret} at {@code at}. */
    static Api.Response send(Api api, Registered connection, String id, String body, String secret, Instant at) {
        return api.webhook("/webhooks/connectors/" + connection.connectionId(), body,
                DeliverySignature.headers(List.of(secret), id, at, body));
    }

    private Api.Response send(Registered connection, String id, String body, String secret, Instant at) {
        return send(api(), connection, id, body, secret, at);
    }

    private Api.Response send(Registered connection, String id, String body) {
        return send(connection, id, body, connection.inboundSecret(), Instant.now());
    }

    private List<String> eventTypes(String aggregateId) {
        return jdbc.sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = :id"
                        + " ORDER BY sequence_number").param("id", aggregateId).query(String.class).list()
                .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private List<String> awaitEvent(String aggregateId, String type) {
        Instant until = Instant.now().plus(WAIT);
        while (!eventTypes(aggregateId).contains(type)) {
            assertThat(Instant.now()).as("no %s of %s within %s: %s", type, aggregateId, WAIT,
                    eventTypes(aggregateId)).isBefore(until);
            Api.pause(Duration.ofMillis(100));
        }
        return eventTypes(aggregateId);
    }

    /** The refusal windows recorded for a connection, once they count {@code refused} webhooks in all. */
    private List<JsonNode> awaitRefusals(String connectionId, int refused) {
        Instant until = Instant.now().plus(WAIT);
        while (true) {
            List<JsonNode> windows = jdbc.sql("SELECT payload FROM domain_event_entry WHERE payload_type"
                            + " LIKE '%.InboundEventsRefused' AND payload::jsonb ->> 'connectionId' = :id")
                    .param("id", connectionId).query(String.class).list().stream().map(Api.JSON::readTree).toList();
            if (windows.stream().mapToInt(w -> w.get("refused").asInt()).sum() >= refused) {
                return windows;
            }
            assertThat(Instant.now()).as("%d refusals of %s recorded within %s: %s", refused, connectionId, WAIT,
                    windows).isBefore(until);
            Api.pause(Duration.ofMillis(100));
        }
    }

    private long eventCount() {
        return jdbc.sql("SELECT count(*) FROM domain_event_entry").query(Long.class).single();
    }

    @Test
    void tenThousandRefusedWebhooksAddABoundedNumberOfEventsAndTheFloodIsAnswered429() {
        try (LocalWorker worker = new LocalWorker(n -> LocalWorker.Answer.status(200))) {
            Registered connection = register(worker.url(), List.of("PT0S"), "PT5S");
            long before = eventCount();
            Instant started = Instant.now();
            Map<Integer, Integer> statuses = new HashMap<>();
            Api.Response limited = null;
            for (int i = 0; i < 10_000; i++) {
                String body = "{\"type\":\"push\",\"n\":" + i + "}";
                Api.Response answer = i % 2 == 0
                        ? send(connection, "msg_flood_" + i, body, DeliverySignature.newSecret(new SecureRandom()),
                                Instant.now())
                        : api().webhook("/webhooks/connectors/con-" + UUID.randomUUID(), body, "webhook-id", "m" + i);
                statuses.merge(answer.status(), 1, Integer::sum);
                if (answer.status() == 429 && limited == null) {
                    limited = answer;
                }
            }
            Duration took = Duration.between(started, Instant.now());
            assertThat(statuses.keySet()).as("refused or limited, never accepted: %s", statuses)
                    .containsOnly(401, 404, 429);
            assertThat(limited).as("past the per-source limit the flood is answered 429").isNotNull();
            assertThat(limited.contentType()).startsWith("application/problem+json");
            assertThat(limited.at("/status").asInt()).isEqualTo(429);

            int refused = statuses.getOrDefault(401, 0);
            List<JsonNode> windows = awaitRefusals(connection.connectionId(), refused);
            long windowsSpanned = took.toMillis() / 1000 + 2; // the tests' refusal window is 1 s
            assertThat(windows.size()).as("one event per window").isLessThanOrEqualTo((int) windowsSpanned);
            assertThat(eventCount() - before).as("10,000 refusals in %s add one event per window and no more", took)
                    .isLessThanOrEqualTo(windowsSpanned);
            assertThat(jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE payload_type LIKE '%.InboundEvent%'"
                    + " AND payload::jsonb ->> 'connectionId' <> :id AND time_stamp >= :since")
                    .param("id", connection.connectionId()).param("since", started.toString()).query(Long.class)
                    .single()).as("no refusal of a webhook to no connection is stored").isZero();
            assertThat(worker.received()).isEmpty();
        }
    }

    private JsonNode lastPayload(String aggregateId, String type) {
        return Api.JSON.readTree(jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = :id"
                        + " AND payload_type LIKE :type ORDER BY sequence_number DESC LIMIT 1")
                .param("id", aggregateId).param("type", "%." + type).query(String.class).single());
    }

    @Test
    void aWorkerFailingTwiceGetsTheEventOnTheThirdAttemptSignedAndTheSameEachTime() throws Exception {
        try (LocalWorker worker = new LocalWorker(n -> LocalWorker.Answer.status(n <= 2 ? 503 : 204))) {
            Registered connection = register(worker.url(), List.of("PT0S", "PT1S", "PT1S"), "PT5S");
            String body = "{\"type\":\"push\",\"ref\":\"refs/heads/main\",\"note\":\"caf\u00e9 \u2713\"}";
            Api.Response accepted = send(connection, "msg_" + UUID.randomUUID(), body);
            assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
            assertThat(accepted.at("/duplicate").asBoolean()).isFalse();
            assertThat(accepted.at("/posture").asString()).isEqualTo("verified");
            String deliveryId = accepted.at("/deliveryId").asString();

            List<LocalWorker.Received> received = worker.await(3, WAIT);
            awaitEvent(deliveryId, "DeliveryAttemptSucceeded");
            for (LocalWorker.Received request : received) {
                assertThat(request.body()).as("the payload exactly as the upstream sent it").isEqualTo(body);
                assertThat(request.header("webhook-id")).isEqualTo(deliveryId);
                new Webhook(connection.signingSecret()).verify(request.body(), HttpHeaders.of(request.headers(),
                        (name, value) -> true));
            }
            assertThat(received).extracting(r -> r.header("X-OpsLedger-Attempt")).containsExactly("1", "2", "3");
            assertThat(eventTypes(deliveryId)).containsExactly("ConnectorEventAccepted",
                    "DeliveryAttemptDue", "DeliveryAttemptFailed", "DeliveryRetryScheduled",
                    "DeliveryAttemptDue", "DeliveryAttemptFailed", "DeliveryRetryScheduled",
                    "DeliveryAttemptDue", "DeliveryAttemptSucceeded");
            JsonNode failure = lastPayload(deliveryId, "DeliveryAttemptFailed");
            assertThat(failure.at("/reason").asString()).isEqualTo("SERVER_ERROR");
            assertThat(failure.at("/statusCode").asInt()).isEqualTo(503);
            assertThat(failure.at("/responseExcerpt").asString()).isEqualTo("worker answer 503");

            String again = accepted.at("/upstreamId").asString();
            Api.Response duplicate = send(connection, again, body);
            assertThat(duplicate.status()).as(duplicate.raw()).isEqualTo(200);
            assertThat(duplicate.at("/duplicate").asBoolean()).isTrue();
            assertThat(duplicate.at("/deliveryId").asString()).isEqualTo(deliveryId);
            Api.pause(Duration.ofSeconds(1));
            assertThat(worker.received()).as("a redelivery by the upstream is not delivered again").hasSize(3);
            assertThat(eventTypes(deliveryId)).endsWith("DuplicateConnectorEventReceived");
        }
    }

    @Test
    void theAdminPagesShowEachDeliveryWithItsAttemptsAndEachConnectionsHealth() {
        try (LocalWorker worker = new LocalWorker(n -> LocalWorker.Answer.status(n == 1 ? 500 : 200))) {
            Registered connection = register(worker.url(), List.of("PT0S", "PT1S"), "PT5S");
            String deliveryId = send(connection, "msg_page", "{\"type\":\"issue.opened\"}").at("/deliveryId")
                    .asString();
            awaitEvent(deliveryId, "DeliveryAttemptSucceeded");
            Api.Response catalog = api().ingest("/api/v1/ingest/connectors", Map.of("name", "github", "version",
                    "2026.12", "health", "degraded", "observedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS)
                            .toString(), "detail", "rate limited"));
            assertThat(catalog.status()).as(catalog.raw()).isEqualTo(200);
            assertThat(api().ingest("/api/v1/ingest/connectors", Map.of("name", "github", "version", "2020.1",
                    "health", "down", "observedAt", Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS)
                            .toString())).at("/changed").asBoolean())
                    .as("older than the newest report").isFalse();
            assertThat(api().ingest("/api/v1/ingest/connectors", Map.of("name", "Git Hub", "version", "1",
                    "health", "healthy", "observedAt", "2026-01-01T00:00:00Z")).status()).isEqualTo(400);
            long position = api().head();

            JsonNode detail = api().get("/api/v1/admin/connector-events/" + deliveryId + "?minPosition=" + position,
                    OPERATOR).json();
            assertThat(detail.at("/delivery/status").asString()).isEqualTo("delivered");
            assertThat(detail.at("/delivery/eventType").asString()).isEqualTo("issue.opened");
            assertThat(detail.at("/delivery/posture").asString()).isEqualTo("verified");
            assertThat(detail.at("/attempts").valueStream().map(a -> a.get("outcome").asString()).toList())
                    .containsExactly("failed", "succeeded");
            assertThat(detail.at("/attempts/0/statusCode").asInt()).isEqualTo(500);
            assertThat(detail.at("/attempts/0/responseExcerpt").asString()).isEqualTo("worker answer 500");

            JsonNode list = api().get("/api/v1/admin/connector-events?connectionId=" + connection.connectionId()
                    + "&minPosition=" + position, OPERATOR).json();
            assertThat(list.at("/total").asLong()).isEqualTo(1);
            assertThat(list.at("/items/0/attempts").asInt()).isEqualTo(2);
            assertThat(list.at("/items/0/lastStatusCode").asInt()).isEqualTo(200);
            assertThat(api().get("/api/v1/admin/connector-events?eventId=msg_page&status=failed", OPERATOR).json()
                    .at("/total").asLong()).isZero();

            JsonNode connectors = api().get("/api/v1/admin/connectors?connector=github&minPosition=" + position,
                    OPERATOR).json();
            JsonNode row = connectors.at("/connections/items").valueStream()
                    .filter(c -> c.get("connectionId").asString().equals(connection.connectionId()))
                    .findFirst().orElseThrow();
            assertThat(row.at("/attemptsLastHour").asLong()).isEqualTo(2);
            assertThat(row.at("/successRateLastHour").asDouble()).isEqualTo(0.5);
            assertThat(row.at("/postures/verified").asLong()).isEqualTo(1);
            assertThat(row.at("/consecutiveFailures").asInt()).isZero();
            assertThat(row.at("/queueDepth").asLong()).isZero();
            JsonNode github = connectors.at("/catalog").valueStream()
                    .filter(c -> c.get("connector").asString().equals("github")).findFirst().orElseThrow();
            assertThat(github.get("version").asString()).isEqualTo("2026.12");
            assertThat(github.get("health").asString()).isEqualTo("degraded");
            assertThat(github.get("healthDetail").asString()).isEqualTo("rate limited");
            assertThat(github.get("connections").asLong()).isPositive();

            String metrics = api().get("/actuator/prometheus", Api.token("alex", "admin")).raw();
            assertThat(metrics).contains("opsledger_connector_attempts_total{outcome=\"server_error\"}",
                    "opsledger_connector_attempts_total{outcome=\"delivered\"}",
                    "opsledger_connector_delivery_latency_seconds_count", "opsledger_connector_queue_depth_deliveries",
                    "opsledger_connector_endpoints_disabled_endpoints");

            Api.Response runtime = api().get("/api/v1/admin/runtime", OPERATOR);
            assertThat(runtime.status()).as(runtime.raw()).isEqualTo(200);
            assertThat(runtime.at("/spikeThreshold").asLong()).isEqualTo(100);
        }
    }

    @Test
    void aWebhookThatDoesNotVerifyIsRefusedRecordedWithoutItsPayloadAndNotDelivered() {
        try (LocalWorker worker = new LocalWorker(n -> LocalWorker.Answer.status(200))) {
            Registered connection = register(worker.url(), List.of("PT0S"), "PT5S");
            String body = "{\"type\":\"push\",\"secret-looking\":\"payload\"}";
            Api.Response forged = send(connection, "msg_forged", body,
                    DeliverySignature.newSecret(new SecureRandom()), Instant.now());
            assertThat(forged.status()).as(forged.raw()).isEqualTo(401);
            assertThat(forged.contentType()).startsWith("application/problem+json");
            Api.Response stale = send(connection, "msg_stale", body, connection.inboundSecret(),
                    Instant.now().minusSeconds(301));
            assertThat(stale.status()).as(stale.raw()).isEqualTo(401);
            assertThat(stale.at("/detail").asString()).contains("timestamp");
            Api.Response unsigned = api().webhook("/webhooks/connectors/" + connection.connectionId(), body,
                    "X-Nothing", null);
            assertThat(unsigned.status()).as(unsigned.raw()).isEqualTo(401);
            Api.Response again = send(connection, "msg_forged", body,
                    DeliverySignature.newSecret(new SecureRandom()), Instant.now());
            assertThat(again.status()).isEqualTo(401);

            List<JsonNode> refusals = awaitRefusals(connection.connectionId(), 4);
            assertThat(refusals).as("one event per window, not per request").hasSizeLessThanOrEqualTo(2);
            assertThat(refusals.stream().mapToInt(r -> r.get("refused").asInt()).sum()).isEqualTo(4);
            assertThat(refusals.toString()).contains("SIGNATURE_FAILED", "TIMESTAMP_STALE", "msg_forged")
                    .doesNotContain("secret-looking");
            Api.pause(Duration.ofMillis(500));
            assertThat(worker.received()).isEmpty();
        }
    }

    @Test
    void aWebhookToNoConnectionTooLargeOrNotUtf8IsAProblemAndDeliversNothing() {
        String unknown = "/webhooks/connectors/con-" + UUID.randomUUID();
        Api.Response none = api().webhook(unknown, "{}", "webhook-id", "msg_1");
        assertThat(none.status()).as(none.raw()).isEqualTo(404);
        assertThat(none.contentType()).startsWith("application/problem+json");
        Api.Response odd = api().webhook("/webhooks/connectors/%3Cscript%3E", "{}", "webhook-id", "msg_1");
        assertThat(odd.status()).as(odd.raw()).isEqualTo(404);

        try (LocalWorker worker = new LocalWorker(n -> LocalWorker.Answer.status(200))) {
            Registered connection = register(worker.url(), List.of("PT0S"), "PT5S");
            String large = "{\"type\":\"push\",\"pad\":\"" + "x".repeat(128 * 1024) + "\"}";
            Api.Response tooLarge = send(connection, "msg_large", large);
            assertThat(tooLarge.status()).as(tooLarge.raw()).isEqualTo(413);
            HttpRequest.Builder latin1 = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/webhooks/connectors/" + connection.connectionId()))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[]{'{', '"', (byte) 0xE9, '"', '}'}));
            Api.Response notUtf8 = api().send(latin1, null, null);
            assertThat(notUtf8.status()).as(notUtf8.raw()).isEqualTo(400);
            Api.pause(Duration.ofMillis(500));
            assertThat(worker.received()).isEmpty();
            assertThat(eventTypes(connection.connectionId())).containsExactly("ConnectionRegistered");
        }
    }

    @Test
    void a410DisablesTheEndpointSoLaterEventsAreSkippedUntilReEnabledAndReplayed() {
        try (LocalWorker worker = new LocalWorker(n -> LocalWorker.Answer.status(n == 1 ? 410 : 200))) {
            Registered connection = register(worker.url(), List.of("PT0S", "PT1S"), "PT5S");
            String first = send(connection, "msg_a", "{\"type\":\"a\"}").at("/deliveryId").asString();
            awaitEvent(first, "DeliveryFailed");
            assertThat(lastPayload(first, "DeliveryFailed").at("/lastReason").asString()).isEqualTo("GONE");
            awaitEvent(connection.connectionId(), "EndpointDisabled");

            String second = send(connection, "msg_b", "{\"type\":\"b\"}").at("/deliveryId").asString();
            assertThat(eventTypes(second)).containsExactly("ConnectorEventAccepted", "DeliverySkipped");

            Api.Response enabled = api().post("/api/v1/admin/connectors/connections/" + connection.connectionId()
                    + "/re-enable", OPERATOR, Map.of("reason", "worker redeployed"));
            assertThat(enabled.status()).as(enabled.raw()).isEqualTo(200);
            Api.Response redelivered = api().post("/api/v1/admin/connector-events/" + second + "/redeliver", OPERATOR,
                    Map.of("reason", "skipped while disabled"));
            assertThat(redelivered.status()).as(redelivered.raw()).isEqualTo(200);
            awaitEvent(second, "DeliveryAttemptSucceeded");
            assertThat(worker.received()).hasSize(2);
        }
    }

    @Test
    void aWorkerThatHangsPastTheTimeoutIsATimeoutAndTheRetryDelivers() {
        try (LocalWorker worker = new LocalWorker(n -> n == 1 ? new LocalWorker.Answer(200, Map.of(),
                Duration.ofSeconds(4)) : LocalWorker.Answer.status(200))) {
            Registered connection = register(worker.url(), List.of("PT0S", "PT1S"), "PT1S");
            String deliveryId = send(connection, "msg_hang", "{\"type\":\"slow\"}").at("/deliveryId").asString();
            awaitEvent(deliveryId, "DeliveryAttemptSucceeded");
            JsonNode timedOut = lastPayload(deliveryId, "DeliveryAttemptFailed");
            assertThat(timedOut.at("/reason").asString()).isEqualTo("TIMEOUT");
            assertThat(timedOut.at("/statusCode").isNull()).isTrue();
            assertThat(timedOut.at("/durationMillis").asLong()).isBetween(1000L, 3000L);
        }
    }

    @Test
    void aRetryAfterLongerThanTheScheduleSetsTheNextAttempt() {
        try (LocalWorker worker = new LocalWorker(n -> n == 1
                ? new LocalWorker.Answer(429, Map.of("Retry-After", "3"), Duration.ZERO)
                : LocalWorker.Answer.status(200))) {
            Registered connection = register(worker.url(), List.of("PT0S", "PT1S"), "PT5S");
            String deliveryId = send(connection, "msg_later", "{\"type\":\"later\"}").at("/deliveryId").asString();
            List<LocalWorker.Received> received = worker.await(2, WAIT);
            assertThat(Duration.between(received.get(0).at(), received.get(1).at()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
            assertThat(lastPayload(deliveryId, "DeliveryRetryScheduled").at("/retryAfterHonoured").asBoolean())
                    .isTrue();
            awaitEvent(deliveryId, "DeliveryAttemptSucceeded");
        }
    }

    @Test
    void aPausedConnectionHoldsItsEventsAndTheResumeDeliversThem() {
        try (LocalWorker worker = new LocalWorker(n -> LocalWorker.Answer.status(200))) {
            Registered connection = register(worker.url(), List.of("PT0S"), "PT5S");
            String path = "/api/v1/admin/connectors/connections/" + connection.connectionId();
            assertThat(api().post(path + "/pause", OPERATOR, Map.of("reason", "worker migration")).status())
                    .isEqualTo(200);
            List<String> held = List.of(
                    send(connection, "msg_1", "{\"type\":\"one\"}").at("/deliveryId").asString(),
                    send(connection, "msg_2", "{\"type\":\"two\"}").at("/deliveryId").asString());
            for (String deliveryId : held) {
                assertThat(eventTypes(deliveryId)).containsExactly("ConnectorEventAccepted", "DeliveryHeld");
            }
            assertThat(api().post(path + "/resume", OPERATOR, Map.of("reason", "migrated")).status())
                    .isEqualTo(200);
            worker.await(2, WAIT);
            for (String deliveryId : held) {
                awaitEvent(deliveryId, "DeliveryAttemptSucceeded");
                assertThat(lastPayload(deliveryId, "DeliveryAttemptDue").at("/trigger").asString())
                        .isEqualTo("RESUME");
            }
        }
    }

    @Test
    void aReplayJobRedeliversTheFailedDeliveriesSinceATimeEachOnceAndShowsItsProgress() {
        boolean[] fixed = {false};
        try (LocalWorker worker = new LocalWorker(n -> LocalWorker.Answer.status(fixed[0] ? 200 : 500))) {
            Registered connection = register(worker.url(), List.of("PT0S"), "PT5S");
            Instant since = Instant.now().truncatedTo(ChronoUnit.MICROS);
            List<String> failed = List.of(
                    send(connection, "msg_r1", "{\"type\":\"r\"}").at("/deliveryId").asString(),
                    send(connection, "msg_r2", "{\"type\":\"r\"}").at("/deliveryId").asString(),
                    send(connection, "msg_r3", "{\"type\":\"r\"}").at("/deliveryId").asString());
            for (String deliveryId : failed) {
                awaitEvent(deliveryId, "DeliveryFailed");
            }
            fixed[0] = true;
            String path = "/api/v1/admin/connectors/connections/" + connection.connectionId() + "/replays";
            Api.Response started = api().post(path, OPERATOR, Map.of("since", since.toString(),
                    "reason", "worker fixed"));
            assertThat(started.status()).as(started.raw()).isEqualTo(202);
            String jobId = started.at("/id").asString();
            for (String deliveryId : failed) {
                awaitEvent(deliveryId, "DeliveryAttemptSucceeded");
                assertThat(lastPayload(deliveryId, "DeliveryAttemptDue").at("/jobId").asString()).isEqualTo(jobId);
            }
            JsonNode job = awaitReplay(jobId, "finished");
            assertThat(job.at("/replayed").asLong()).isEqualTo(3);
            assertThat(job.at("/startedBy").asString()).isEqualTo("olga");
            assertThat(job.at("/reason").asString()).isEqualTo("worker fixed");
            assertThat(worker.received()).as("three failures, three replays").hasSize(6);

            Api.Response again = api().post(path, OPERATOR, Map.of("since", since.toString(), "reason", "again"));
            JsonNode second = awaitReplay(again.at("/id").asString(), "finished");
            assertThat(second.at("/replayed").asLong()).as("nothing failed any more").isZero();
            assertThat(second.at("/passedOver").asLong()).isEqualTo(3);
            Api.Response cancel = api().post("/api/v1/admin/connector-replays/" + jobId + "/cancel", OPERATOR,
                    Map.of("reason", "too late"));
            assertThat(cancel.status()).as(cancel.raw()).isEqualTo(409);
            Api.Response future = api().post(path, OPERATOR, Map.of("since", since.plusSeconds(3600).toString(),
                    "reason", "future"));
            assertThat(future.status()).as(future.raw()).isEqualTo(409);
        }
    }

    private JsonNode awaitReplay(String jobId, String state) {
        Instant until = Instant.now().plus(WAIT);
        while (true) {
            Api.Response job = api().get("/api/v1/admin/connector-replays/" + jobId, OPERATOR);
            if (job.status() == 200 && job.at("/state").asString().equals(state)) {
                return job.json();
            }
            assertThat(Instant.now()).as("replay %s not %s within %s: %s", jobId, state, WAIT, job.raw())
                    .isBefore(until);
            Api.pause(Duration.ofMillis(100));
        }
    }

    /** What the platform and operators send is checked at the door: a 400 naming the field, nothing recorded. */
    @Test
    void badRegistrationsRotationsAndReportsAreRefusedAndRecordNothing() {
        Map<String, Object> valid = new HashMap<>(Map.of("id", "conn-bad-" + UUID.randomUUID(), "connector",
                "github", "orgId", "org-1", "workspaceId", "ws-1", "endpointUrl", "http://127.0.0.1:9/hook",
                "scheme", "github", "inboundSecret", "s3cret"));
        List<Map.Entry<String, Object>> bad = List.of(
                Map.entry("endpointUrl", "ftp://127.0.0.1/hook"),
                Map.entry("endpointUrl", "http://user:password@127.0.0.1/hook"),
                Map.entry("endpointUrl", "/relative"),
                Map.entry("scheme", "hmac"),
                Map.entry("connector", "GitHub!"),
                Map.entry("orgId", ""),
                Map.entry("inboundSecret", "x".repeat(501)),
                Map.entry("retrySchedule", Map.of("delays", List.of(), "jitter", 0.2)),
                Map.entry("retrySchedule", Map.of("delays", List.of("PT0S", "P2D"), "jitter", 0.2)),
                Map.entry("retrySchedule", Map.of("delays", List.of("PT0S"), "jitter", 0.9)),
                Map.entry("retrySchedule", Map.of("delays", List.of("PT0S"), "jitter", "lots")),
                Map.entry("attemptTimeout", "PT0.5S"),
                Map.entry("attemptTimeout", "PT61S"),
                Map.entry("retryClientErrors", "yes"),
                // Coerced once: numbers as seconds, a trailing NUL trimmed, text as booleans and numbers.
                Map.entry("attemptTimeout", 15),
                Map.entry("attemptTimeout", 1.5),
                Map.entry("attemptTimeout", "PT5S\u0000"),
                Map.entry("retrySchedule", Map.of("delays", List.of(5), "jitter", 0.2)),
                Map.entry("retrySchedule", Map.of("delays", List.of("PT0S"), "jitter", "0.2")),
                Map.entry("retryClientErrors", "true"),
                Map.entry("retryClientErrors", 1),
                Map.entry("inboundSecret", " s3cret"));
        for (Map.Entry<String, Object> field : bad) {
            Map<String, Object> body = new HashMap<>(valid);
            body.put(field.getKey(), field.getValue());
            Api.Response refused = api().ingest("/api/v1/ingest/connections", body);
            assertThat(refused.status()).as(field + ": " + refused.raw()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.at("/errors/0/field").asString()).as(field.toString()).startsWith(field.getKey());
        }
        Map<String, Object> standard = new HashMap<>(valid);
        standard.put("scheme", "standard_webhooks");
        for (Object secret : java.util.Arrays.asList("whsec_!!!", "not-a-secret", "whsec_c2hvcnQ=", null)) {
            Map<String, Object> body = new HashMap<>(standard);
            body.put("inboundSecret", secret);
            Api.Response refused = api().ingest("/api/v1/ingest/connections", body);
            assertThat(refused.status()).as(secret + ": " + refused.raw()).isEqualTo(400);
            assertThat(refused.at("/errors/0/field").asString()).isEqualTo("inboundSecret");
        }
        Api.Response withBom = api().ingest("/api/v1/ingest/connections", "\uFEFF" + Api.JSON.writeValueAsString(valid));
        assertThat(withBom.status()).as(withBom.raw()).isEqualTo(400);
        assertThat(withBom.at("/detail").asString()).contains("byte order mark");

        try (LocalWorker worker = new LocalWorker(n -> LocalWorker.Answer.status(200))) {
            Registered connection = register(worker.url(), List.of("PT0S"), "PT5S");
            String rotate = "/api/v1/admin/connectors/connections/" + connection.connectionId() + "/rotate-secret";
            assertThat(api().post(rotate, OPERATOR, Map.of("kind", "inbound", "reason", "r")).status())
                    .as("an inbound rotation names the new secret").isEqualTo(400);
            assertThat(api().post(rotate, OPERATOR, Map.of("kind", "signing", "secret", "mine", "reason", "r"))
                    .status()).as("a signing secret is made by OpsLedger").isEqualTo(400);
            assertThat(api().post(rotate, OPERATOR, Map.of("kind", "inbound", "secret", "new", "overlap", "P31D",
                    "reason", "r")).status()).isEqualTo(400);
            assertThat(api().post(rotate, OPERATOR, Map.of("kind", "inbound", "secret", "new")).status())
                    .as("a reason is required").isEqualTo(400);
            for (Map<String, Object> rotation : List.<Map<String, Object>>of(
                    Map.of("kind", "inbound", "secret", DeliverySignature.newSecret(new SecureRandom()),
                            "overlap", 3600, "reason", "r"),
                    Map.of("kind", "inbound", "secret", DeliverySignature.newSecret(new SecureRandom()),
                            "overlap", "PT1H\u0000", "reason", "r"),
                    Map.of("kind", "inbound", "secret", "whsec_!!!", "reason", "r"),
                    Map.of("kind", "inbound", "secret", "not-a-secret", "reason", "r"))) {
                Api.Response refused = api().post(rotate, OPERATOR, rotation);
                assertThat(refused.status()).as(rotation + ": " + refused.raw()).isEqualTo(400);
                assertThat(refused.at("/errors/0/field").asString()).isIn("overlap", "secret");
            }
            assertThat(eventTypes(connection.connectionId())).containsExactly("ConnectionRegistered");
        }
        assertThat(api().post("/api/v1/admin/connector-events/dlv-nope/redeliver", OPERATOR,
                Map.of("reason", "r")).status()).isEqualTo(404);
        assertThat(api().post("/api/v1/admin/connector-events/con-" + UUID.randomUUID() + "/redeliver", OPERATOR,
                Map.of("reason", "r")).status()).as("an id of another kind").isEqualTo(404);
        assertThat(api().post("/api/v1/admin/connectors/connections/con-" + UUID.randomUUID() + "/pause", OPERATOR,
                Map.of("reason", "r")).status()).isEqualTo(404);

        Map<String, Object> report = new HashMap<>(Map.of("id", "j-bad", "orgId", "org-1", "workspaceId", "ws-1",
                "worker", "w", "status", "running", "observedAt", "2026-12-03T08:00:00Z"));
        for (Map.Entry<String, Object> field : List.<Map.Entry<String, Object>>of(Map.entry("status", "lost"),
                Map.entry("observedAt", 1764748800), Map.entry("observedAt", "2026-12-03T08:00:00.0000001Z"),
                Map.entry("detail", "d".repeat(2001)), Map.entry("worker", ""))) {
            Map<String, Object> body = new HashMap<>(report);
            body.put(field.getKey(), field.getValue());
            Api.Response refused = api().ingest("/api/v1/ingest/runtime/jobs", body);
            assertThat(refused.status()).as(field + ": " + refused.raw()).isEqualTo(400);
        }
        assertThat(eventTypes(ConnectorIds.forConnection((String) valid.get("id")))).as("no connection recorded")
                .isEmpty();
        assertThat(eventTypes(RuntimeIds.of(RuntimeKind.JOB, "j-bad"))).as("no job recorded").isEmpty();
    }

    @Test
    void aFailedDeliveryIsRedeliveredByAnOperator() {
        try (LocalWorker worker = new LocalWorker(n -> LocalWorker.Answer.status(n == 1 ? 500 : 200))) {
            Registered connection = register(worker.url(), List.of("PT0S"), "PT5S");
            String deliveryId = send(connection, "msg_x", "{\"type\":\"x\"}").at("/deliveryId").asString();
            awaitEvent(deliveryId, "DeliveryFailed");
            assertThat(lastPayload(deliveryId, "DeliveryFailed").at("/exhausted").asBoolean()).isTrue();
            Api.Response redelivered = api().post("/api/v1/admin/connector-events/" + deliveryId + "/redeliver",
                    OPERATOR, Map.of("reason", "worker fixed"));
            assertThat(redelivered.status()).as(redelivered.raw()).isEqualTo(200);
            awaitEvent(deliveryId, "DeliveryAttemptSucceeded");
            String actor = jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = :id"
                            + " AND payload_type LIKE '%.DeliveryAttemptDue' ORDER BY sequence_number DESC LIMIT 1")
                    .param("id", deliveryId).query(String.class).single();
            assertThat(actor).contains("olga", "worker fixed");
        }
    }
}
