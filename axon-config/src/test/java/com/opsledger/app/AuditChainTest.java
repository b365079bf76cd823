package com.opsledger.app;

import com.opsledger.query.audit.AuditVerifier;
import com.opsledger.query.audit.MerkleTree;
import com.opsledger.query.audit.ProofCheck;
import com.opsledger.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit chain on a store of its own: kept as events are stored, a rolled-back position recorded as a gap,
 * checkpoints signed; then, on copies of the stopped store, each kind of tampering done with plain SQL and found by
 * {@code verify-audit} at the position where it was done, while the untouched copy verifies clean.
 */
class AuditChainTest {

    private static final String AUDITOR = Api.token("audrey", "auditor");
    private static TestDatabase.Connection store;
    /** A position that a rolled-back transaction took: no event will ever be stored there. */
    private static long gap;
    private static JsonNode live;

    @BeforeAll
    static void storeWithAHistory() throws SQLException {
        store = TestDatabase.freshDatabase();
        try (ConfigurableApplicationContext service = TestService.start(TestService.settings(store))) {
            Api api = new Api(TestService.port(service));
            for (int i = 0; i < 30; i++) {
                submit(api, i);
                if (i == 20) {
                    gap = burnAPosition();
                }
            }
            long head = api.head();
            live = awaitChained(api, head);
        }
    }

    @Test
    void theChainCoversEveryPositionAndTheLiveServiceVerifiesItClean() {
        assertThat(live.get("intact").asBoolean()).as(live.toString()).isTrue();
        assertThat(live.has("problem")).isFalse();
        assertThat(live.get("gaps").asLong()).as("the rolled-back position").isEqualTo(1);
        assertThat(live.get("events").asLong()).isGreaterThanOrEqualTo(30);
        assertThat(live.get("checkpoints").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(live.get("fromPosition").asLong()).isEqualTo(1);
        assertThat(live.get("toPosition").asLong()).isEqualTo(live.get("chainHead").asLong());
    }

    /**
     * An event's inclusion proof leads, from the leaf computed from the event as stored, to the Merkle root its
     * checkpoint signed; the checkpoint's signature verifies with the public key.
     */
    @Test
    void anEventsInclusionProofLeadsToItsCheckpointsSignedRoot() throws Exception {
        TestDatabase.Connection copy = TestDatabase.copyOf(store);
        try (ConfigurableApplicationContext service = TestService.start(TestService.settings(copy))) {
            Api api = new Api(TestService.port(service));
            for (long position : new long[]{1, 4, gap}) {
                Api.Response answer = api.get("/api/v1/admin/audit/events/" + position + "/proof", AUDITOR);
                assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
                JsonNode proof = answer.json();
                byte[] leafData = Base64.getDecoder().decode(proof.get("leafData").asString());
                byte[] leaf = MerkleTree.leafHash(leafData);
                assertThat(HexFormat.of().formatHex(leaf)).isEqualTo(proof.get("leafHash").asString());
                List<byte[]> path = proof.get("proof").valueStream()
                        .map(p -> HexFormat.of().parseHex(p.asString())).toList();
                byte[] root = HexFormat.of().parseHex(proof.at("/checkpoint/merkleRoot").asString());
                assertThat(MerkleTree.verifyInclusion(proof.get("leafIndex").asLong(), proof.get("treeSize").asLong(),
                        leaf, path, root)).as(answer.raw()).isTrue();
                assertThat(proof.get("leafIndex").asLong())
                        .isEqualTo(position - proof.at("/checkpoint/fromPosition").asLong());
            }
            checkedWithoutTheService(api);
            assertThat(api.get("/api/v1/admin/audit/events/" + (gap + 1000) + "/proof", AUDITOR).status())
                    .isEqualTo(404);
            assertThat(api.get("/api/v1/admin/audit/events/0/proof", AUDITOR).status()).isEqualTo(400);
            assertThat(api.get("/api/v1/admin/audit/events/0x10/proof", AUDITOR).status()).isEqualTo(400);
        }
    }

    /**
     * {@code verify-proof}: the proof, the event as exported and the public key are enough; a changed event, a
     * changed proof or another key fails it.
     */
    private static void checkedWithoutTheService(Api api) throws Exception {
        Path dir = Files.createTempDirectory("proof");
        Path proof = dir.resolve("proof.json");
        Path event = dir.resolve("event.json");
        Files.writeString(proof, api.get("/api/v1/admin/audit/events/4/proof", AUDITOR).raw());
        String line = api.get("/api/v1/admin/audit/events/export?fromPosition=4&toPosition=4", AUDITOR).raw()
                .lines().findFirst().orElseThrow();
        Files.writeString(event, line);
        String[] args = {"--proof=" + proof, "--event=" + event, "--public-key=" + IntegrationTest.AUDIT_PUBLIC_KEY};
        assertThat(verifyProof(args)).as("the untouched proof and event").isZero();

        Files.writeString(event, line.replace("\"submissionId\":\"", "\"submissionId\":\"x"));
        assertThat(verifyProof(args)).as("a changed payload").isEqualTo(1);
        Files.writeString(event, line);
        String original = Files.readString(proof);
        JsonNode leaf = Api.JSON.readTree(original);
        Files.writeString(proof, original.replace(leaf.at("/checkpoint/merkleRoot").asString(), "00".repeat(32)));
        assertThat(verifyProof(args)).as("another root").isEqualTo(1);
        Files.writeString(proof, original);
        assertThat(verifyProof(new String[] {args[0], args[1],
                "--public-key=MCowBQYDK2VwAyEAHHJjkJdiCTLkqzNWePi2yX0KWfscLLIeTvCShzsRAj4="})).as("another key")
                .isEqualTo(1);
        assertThat(verifyProof(new String[] {args[0]})).as("no event given").isEqualTo(2);
    }

    private static int verifyProof(String[] args) {
        return ProofCheck.fromCommandLine(args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
    }

    /** In a quiet period the tail is signed once the interval passes, though nothing more is chained. */
    @Test
    void theTailIsSignedOnTheIntervalWhenNothingMoreComes() {
        Map<String, String> settings = TestService.settings(TestDatabase.copyOf(store));
        settings.put("opsledger.audit.checkpoint-every", "1000");
        settings.put("opsledger.audit.checkpoint-interval", "2s");
        try (ConfigurableApplicationContext service = TestService.start(settings)) {
            Api api = new Api(TestService.port(service));
            submit(api, 100);
            long first = api.head();
            awaitProof(api, first);
            submit(api, 101); // chained at once, within the interval of the checkpoint that signed the first
            long last = api.head();
            awaitProof(api, last);
            JsonNode verified = api.get("/api/v1/admin/audit/verify", AUDITOR).json();
            assertThat(verified.get("anchored").asBoolean()).as(verified.toString()).isTrue();
            assertThat(verified.get("signedTo").asLong()).isEqualTo(last);
        }
    }

    private static void awaitProof(Api api, long position) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (api.get("/api/v1/admin/audit/events/" + position + "/proof", AUDITOR).status() != 200) {
            assertThat(Instant.now()).as("position " + position + " signed").isBefore(deadline);
            Api.pause(Duration.ofMillis(200));
        }
    }

    @Test
    void anUntouchedCopyVerifiesClean() {
        Verification clean = verify(TestDatabase.copyOf(store));
        assertThat(clean.status).as(clean.output).isZero();
        assertThat(clean.report.get("intact").asBoolean()).isTrue();
        assertThat(clean.report.get("gaps").asLong()).isEqualTo(1);
    }

    @Test
    void aChangedEventIsFoundWhereItWasChanged() throws SQLException {
        assertFound(tampered("UPDATE domain_event_entry SET payload = payload || ' ' WHERE global_index = 5"), 5,
                "changed");
    }

    @Test
    void aDeletedEventIsFoundWhereItWas() throws SQLException {
        assertFound(tampered("DELETE FROM domain_event_entry WHERE global_index = 7"), 7, "deleted");
    }

    @Test
    void anEventInsertedIntoAGapIsFound() throws SQLException {
        TestDatabase.Connection copy = tampered("INSERT INTO domain_event_entry (global_index, event_identifier, "
                + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload, meta_data) "
                + "SELECT " + gap + ", 'forged-" + UUID.randomUUID() + "', aggregate_identifier, 99, type, "
                + "time_stamp, payload_type, payload, meta_data FROM domain_event_entry WHERE global_index = 3");
        assertFound(copy, gap, "inserted");
    }

    @Test
    void swappedEventsAreFoundAsReordered() throws SQLException {
        TestDatabase.Connection copy = tampered(
                "UPDATE domain_event_entry SET global_index = -1 WHERE global_index = 9",
                "UPDATE domain_event_entry SET global_index = 9 WHERE global_index = 11",
                "UPDATE domain_event_entry SET global_index = 11 WHERE global_index = -1");
        assertFound(copy, 9, "reordered");
    }

    @Test
    void aCheckpointWithAForgedSignatureIsRefused() throws SQLException {
        TestDatabase.Connection copy = tampered("UPDATE audit.checkpoint SET signature = "
                + "decode(repeat('00', 64), 'hex') WHERE number = 1");
        assertFound(copy, 1, "checkpoint");
    }

    @Test
    void aVerifierThatDoesNotTrustTheKeyRefusesTheCheckpoints() {
        String anotherKey = "MCowBQYDK2VwAyEAHHJjkJdiCTLkqzNWePi2yX0KWfscLLIeTvCShzsRAj4=";
        Verification untrusted = verify(TestDatabase.copyOf(store), anotherKey);
        assertThat(untrusted.status).as(untrusted.output).isEqualTo(1);
        assertThat(untrusted.report.at("/problem/kind").asString()).isEqualTo("checkpoint");
        assertThat(untrusted.report.at("/problem/detail").asString()).contains("not trusted");
    }

    private static void assertFound(TestDatabase.Connection copy, long position, String kind) {
        Verification found = verify(copy);
        assertThat(found.status).as(found.output).isEqualTo(1);
        assertThat(found.report.get("intact").asBoolean()).isFalse();
        assertThat(found.report.at("/problem/kind").asString()).as(found.output).isEqualTo(kind);
        assertThat(found.report.at("/problem/position").asLong()).as(found.output).isEqualTo(position);
    }

    private static TestDatabase.Connection tampered(String... statements) throws SQLException {
        TestDatabase.Connection copy = TestDatabase.copyOf(store);
        try (Connection connection = DriverManager.getConnection(copy.url(), copy.user(), copy.password());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        return copy;
    }

    private record Verification(int status, String output, JsonNode report) {
    }

    private static Verification verify(TestDatabase.Connection database, String... publicKeys) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String key = publicKeys.length == 0 ? IntegrationTest.AUDIT_PUBLIC_KEY : publicKeys[0];
        int status = AuditVerifier.fromCommandLine(new String[]{"--url=" + database.url(),
                        "--user=" + database.user(), "--password=" + database.password(), "--public-key=" + key},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String output = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertThat(status).as(output).isNotEqualTo(2);
        return new Verification(status, output, Api.JSON.readTree(out.toString(StandardCharsets.UTF_8)));
    }

    private static void submit(Api api, int i) {
        Api.Response submitted = api.ingest("/api/v1/ingest/feedback", FeedbackWorkflowTest.submission(
                "chain-" + i, "Audit chain message " + i + " " + UUID.randomUUID()));
        assertThat(submitted.status()).as(submitted.raw()).isEqualTo(201);
    }

    /** Takes the next position from the event store's sequence in a transaction that is rolled back. */
    private static long burnAPosition() throws SQLException {
        try (Connection connection = DriverManager.getConnection(store.url(), store.user(), store.password())) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(
                         "SELECT nextval(pg_get_serial_sequence('domain_event_entry', 'global_index'))")) {
                rs.next();
                long position = rs.getLong(1);
                connection.rollback();
                return position;
            }
        }
    }

    /** Polls the verify endpoint until the chain holds {@code head} and a checkpoint is signed. */
    private static JsonNode awaitChained(Api api, long head) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            Api.Response answer = api.get("/api/v1/admin/audit/verify", AUDITOR);
            assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
            if (answer.at("/chainHead").asLong() >= head && answer.at("/checkpoints").asLong() >= 1) {
                return answer.json();
            }
            assertThat(Instant.now()).as("the chain reaches " + head + ": " + answer.raw()).isBefore(deadline);
            Api.pause(Duration.ofMillis(200));
        }
    }
}
