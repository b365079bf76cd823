package com.opsledger.app;

import com.opsledger.testing.TestDatabase;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export streams in constant memory: 1,000,000 stored events exported by a service in a JVM of its own whose
 * heap is a fifth of the service's usual one (384 MB against the README's 2 GB), every line received, the last one
 * counting them all.
 */
class AuditExportMemoryTest {

    private static final int EVENTS = 1_000_000;
    private static final String HEAP = "-Xmx384m";

    @Test
    void aMillionEventsExportWithAFifthOfTheUsualHeap() throws Exception {
        TestDatabase.Connection database = TestDatabase.freshDatabase();
        Map<String, String> settings = TestService.settings(database);
        Serializer serializer;
        try (ConfigurableApplicationContext service = TestService.start(settings)) {
            serializer = service.getBean("serializer", Serializer.class);
        }
        // Seeded with the service stopped, as a long history would have left the store.
        seed(JdbcClient.create(new DriverManagerDataSource(database.url(), database.user(), database.password())),
                serializer);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        settings.put("server.port", String.valueOf(port));
        // The chain would hash the million events meanwhile; it has its own tests.
        settings.put("opsledger.audit.poll-interval", "1h");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(), HEAP,
                "-cp", System.getProperty("java.class.path"), OpsLedgerApplication.class.getName()));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = Files.createTempFile("export-memory", ".log");
        Process forked = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Api api = new Api(port);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            while (!healthy(port)) {
                assertThat(forked.isAlive()).as("the service runs; see " + log).isTrue();
                assertThat(Instant.now()).as("the service is up within 120 s; see " + log).isBefore(deadline);
                Api.pause(Duration.ofMillis(250));
            }
            HttpResponse<InputStream> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://localhost:" + port + "/api/v1/admin/audit/events/export"))
                            .header("Authorization", Api.token("audrey", "auditor")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(export.statusCode()).isEqualTo(200);
            long lines = 0;
            String last = null;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(export.body(),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines++;
                    last = line;
                }
            }
            assertThat(lines).isEqualTo(EVENTS + 1);
            JsonNode end = Api.JSON.readTree(last).get("end");
            assertThat(end.get("count").asLong()).isEqualTo(EVENTS);
            assertThat(end.get("lastPosition").asLong()).isEqualTo(EVENTS);
            assertThat(forked.isAlive()).as("still running after the export; see " + log).isTrue();
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
            assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        } finally {
            forked.destroy();
            forked.waitFor();
        }
    }

    /**
     * A million events written straight into the store and the audit index, as a long history would have left them,
     * and every processor's token at the head, so that the service starts with nothing to catch up on.
     */
    private static void seed(JdbcClient jdbc, Serializer serializer) {
        jdbc.sql("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                    time_stamp, payload_type, payload, meta_data)
                SELECT md5('export-' || i)::uuid::text, 'fb-export-' || i, 0, 'Feedback',
                       to_char(timestamp '2026-11-01' + i * interval '1 millisecond',
                               'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                       'com.opsledger.events.feedback.event.FeedbackSubmitted',
                       json_build_object('feedbackId', 'fb-export-' || i, 'orgId', 'org-' || (i % 50),
                           'message', 'Export to CSV is broken on workspace ' || i, 'channel', 'web')::text,
                       '{"actor":"service:platform","sourceIp":"127.0.0.1"}'
                FROM generate_series(1, :events) AS i""").param("events", EVENTS).update();
        jdbc.sql("""
                INSERT INTO read_model.audit_event_v1 (position, event_id, aggregate_type, aggregate_id,
                    sequence_number, event_type, occurred_at, actor, source_ip)
                SELECT global_index, event_identifier, type, aggregate_identifier, sequence_number,
                       'FeedbackSubmitted', time_stamp::timestamptz, 'service:platform', '127.0.0.1'
                FROM domain_event_entry""").update();
        long head = jdbc.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();
        SerializedObject<byte[]> token = serializer.serialize(
                GapAwareTrackingToken.newInstance(head, Collections.emptySortedSet()), byte[].class);
        jdbc.sql("UPDATE token_entry SET token = :token, token_type = :type, owner = NULL")
                .param("token", token.getData()).param("type", token.getType().getName()).update();
        jdbc.sql("ANALYZE").update();
    }

    private static boolean healthy(int port) {
        try {
            return new Api(port).get("/actuator/health", null).status() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }
}
