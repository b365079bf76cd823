package com.opsledger.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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
        assertThat(api.get("/api/v1/admin/sandboxes?worker=" + worker + "&status=queued", OPERATOR).json()
                .at("/total").asLong()).isEqualTo(3);
        assertThat(api.get("/api/v1/admin/sandboxes?worker=" + worker + "&status=running", OPERATOR).json()
                .at("/total").asLong()).isZero();
        assertThat(api.get("/api/v1/admin/sandboxes?status=lost", OPERATOR).status()).isEqualTo(400);

        JsonNode runtime = api.get("/api/v1/admin/runtime?minPosition=" + position, OPERATOR).json();
        JsonNode queue = runtime.at("/workers").valueStream().filter(w -> w.get("worker").asString().equals(worker))
                .findFirst().orElseThrow();
        assertThat(queue.get("queued").asLong()).isEqualTo(3);
        assertThat(queue.get("running").asLong()).isZero();
        assertThat(queue.get("spike").asBoolean()).isFalse();
    }
}
