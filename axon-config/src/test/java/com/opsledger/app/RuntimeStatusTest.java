package com.opsledger.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's runtime jobs and sandboxes: reports in any order end in the latest, listed by status and worker. */
class RuntimeStatusTest extends IntegrationTest {

    private static final String OPERATOR = Api.token("ruth", "operator");

    private static Map<String, Object> report(String id, String worker, String status, String at) {
        Map<String, Object> report = new HashMap<>(Map.of("id", id, "orgId", "org-1", "workspaceId", "ws-1",
                "worker", worker, "status", status, "observedAt", at));
        report.put("connectionId", "con-x");
        return report;
    }

    @Test
    void reportsInAnyOrderEndInTheLatestAndTheViewsFilterThem() {
        String worker = "worker-" + UUID.randomUUID();
        String job = "job-" + UUID.randomUUID();
        Api api = api();
        Api.Response first = api.ingest("/api/v1/ingest/runtime/jobs", report(job, worker, "running",
                "2026-12-03T08:00:05Z"));
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        Api.Response older = api.ingest("/api/v1/ingest/runtime/jobs", report(job, worker, "queued",
                "2026-12-03T08:00:00Z"));
        assertThat(older.status()).isEqualTo(200);
        assertThat(older.at("/changed").asBoolean()).as("older than the one recorded").isFalse();
        api.ingest("/api/v1/ingest/runtime/jobs", report(job, worker, "timed_out", "2026-12-03T08:10:00Z"));
        Api.Response late = api.ingest("/api/v1/ingest/runtime/jobs", report(job, worker, "running",
                "2026-12-03T08:11:00Z"));
        assertThat(late.at("/changed").asBoolean()).as("a final status stays").isFalse();
        for (int i = 0; i < 3; i++) {
            api.ingest("/api/v1/ingest/runtime/sandboxes", report("sbx-" + i + "-" + worker, worker, "queued",
                    "2026-12-03T08:00:0" + i + "Z"));
        }
        long position = api.head();

        JsonNode jobs = api.get("/api/v1/admin/runtime/jobs?worker=" + worker + "&minPosition=" + position,
                OPERATOR).json();
        assertThat(jobs.at("/total").asLong()).isEqualTo(1);
        assertThat(jobs.at("/items/0/status").asString()).isEqualTo("timed_out");
        assertThat(jobs.at("/items/0/id").asString()).isEqualTo(job);
        assertThat(api.get("/api/v1/admin/runtime/sandboxes?worker=" + worker + "&status=queued", OPERATOR).json()
                .at("/total").asLong()).isEqualTo(3);
        assertThat(api.get("/api/v1/admin/runtime/sandboxes?worker=" + worker + "&status=running", OPERATOR).json()
                .at("/total").asLong()).isZero();
        assertThat(api.get("/api/v1/admin/runtime/sandboxes?status=lost", OPERATOR).status()).isEqualTo(400);

        JsonNode runtime = api.get("/api/v1/admin/runtime?minPosition=" + position, OPERATOR).json();
        JsonNode queue = runtime.at("/workers").valueStream().filter(w -> w.get("worker").asString().equals(worker))
                .findFirst().orElseThrow();
        assertThat(queue.get("queued").asLong()).isEqualTo(3);
        assertThat(queue.get("running").asLong()).isZero();
        assertThat(queue.get("spike").asBoolean()).isFalse();
    }

    /** A repeat with the same content still counts as the newest observation: an older report after it is stale. */
    @Test
    void aRepeatedReportKeepsItsTimeSoAnOlderOneArrivingLaterChangesNothing() {
        Api api = api();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String worker = "worker-" + UUID.randomUUID();
        String job = "job-" + UUID.randomUUID();
        String runtimeId = api.ingest("/api/v1/ingest/runtime/jobs", report(job, worker, "running",
                now.minusSeconds(100).toString())).at("/runtimeId").asString();
        Api.Response same = api.ingest("/api/v1/ingest/runtime/jobs", report(job, worker, "running",
                now.minusSeconds(10).toString()));
        assertThat(same.at("/changed").asBoolean()).isFalse();
        Api.Response older = api.ingest("/api/v1/ingest/runtime/jobs", report(job, worker, "queued",
                now.minusSeconds(50).toString()));
        assertThat(older.at("/changed").asBoolean()).as("observed before the repeat").isFalse();
        JsonNode shown = api.get("/api/v1/admin/runtime/jobs/" + runtimeId + "?minPosition="
                + older.at("/position").asLong(), OPERATOR).json();
        assertThat(shown.get("status").asString()).isEqualTo("running");
        assertThat(Instant.parse(shown.get("observedAt").asString())).isEqualTo(now.minusSeconds(10));

        String connector = "rtconn" + UUID.randomUUID().toString().substring(0, 8);
        for (Object[] r : new Object[][] {{"2.0.0", "degraded", 60}, {"2.0.0", "degraded", 30}, {"0.1.0", "down", 45}}) {
            api.ingest("/api/v1/ingest/connectors", Map.of("name", connector, "version", r[0], "health", r[1],
                    "observedAt", now.minusSeconds((Integer) r[2]).toString()));
        }
        JsonNode catalog = api.get("/api/v1/admin/connectors?minPosition=" + api.head(), OPERATOR).json();
        JsonNode entry = catalog.at("/catalog").valueStream().filter(c -> c.get("connector").asString().equals(connector))
                .findFirst().orElseThrow();
        assertThat(entry.get("version").asString()).isEqualTo("2.0.0");
        assertThat(entry.get("health").asString()).isEqualTo("degraded");
    }

    @Test
    void aReportFromTheFarFutureIsRefusedAndFreezesNothing() {
        Api api = api();
        String job = "job-" + UUID.randomUUID();
        for (String at : new String[] {"9999-12-31T23:59:59.999999Z",
                Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS).toString()}) {
            Api.Response refused = api.ingest("/api/v1/ingest/runtime/jobs", report(job, "w", "running", at));
            SecurityAndErrorsTest.assertProblem(refused, 400);
            assertThat(refused.at("/errors/0/field").asString()).isEqualTo("observedAt");
            Api.Response catalog = api.ingest("/api/v1/ingest/connectors", Map.of("name", "github", "version", "9",
                    "health", "down", "observedAt", at));
            SecurityAndErrorsTest.assertProblem(catalog, 400);
        }
        Api.Response now = api.ingest("/api/v1/ingest/runtime/jobs", report(job, "w", "running",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
        assertThat(now.status()).as("the job's first report, the refused ones recorded nothing").isEqualTo(201);
    }

    @Test
    void eachEndpointServesOnlyItsOwnKind() {
        Api api = api();
        String id = "rt-" + UUID.randomUUID();
        String at = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String jobId = api.ingest("/api/v1/ingest/runtime/jobs", report(id, "w", "running", at))
                .at("/runtimeId").asString();
        String sandboxId = api.ingest("/api/v1/ingest/runtime/sandboxes", report(id, "w", "running", at))
                .at("/runtimeId").asString();
        long position = api.head();
        assertThat(api.get("/api/v1/admin/runtime/jobs/" + jobId + "?minPosition=" + position, OPERATOR)
                .at("/kind").asString()).isEqualTo("job");
        assertThat(api.get("/api/v1/admin/runtime/sandboxes/" + sandboxId, OPERATOR).at("/kind").asString())
                .isEqualTo("sandbox");
        SecurityAndErrorsTest.assertProblem(api.get("/api/v1/admin/runtime/jobs/" + sandboxId, OPERATOR), 404);
        SecurityAndErrorsTest.assertProblem(api.get("/api/v1/admin/runtime/sandboxes/" + jobId, OPERATOR), 404);
    }
}
