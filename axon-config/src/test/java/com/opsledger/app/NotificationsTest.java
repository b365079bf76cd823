package com.opsledger.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Notifications mode: ingest, idempotent repeats, filtered newest-first lists, counts and acknowledgement. */
class NotificationsTest extends IntegrationTest {

    private static final String OPERATOR = Api.token("nora", "operator");

    private static Map<String, Object> notification(String id, String kind, String occurredAt) {
        return Map.of("id", id, "kind", kind, "source", "scheduler-" + id, "severity", "error",
                "summary", "nightly export " + id, "occurredAt", occurredAt,
                "details", Map.of("job", "export", "attempt", 3));
    }

    @Test
    void notificationsAreListedCountedAndAcknowledged() {
        Api api = api();
        String run = UUID.randomUUID().toString();
        Api.Response failed = api.ingest("/api/v1/ingest/notifications",
                notification(run + "-a", "schedule_failed", "2026-11-24T01:00:00Z"));
        Api.Response completed = api.ingest("/api/v1/ingest/notifications",
                notification(run + "-b", "schedule_completed", "2026-11-24T02:00:00Z"));
        Api.Response usage = api.ingest("/api/v1/ingest/notifications",
                notification(run + "-c", "usage_event", "2026-11-24T03:00:00Z"));
        assertThat(List.of(failed.status(), completed.status(), usage.status())).containsOnly(201);

        Api.Response repeat = api.ingest("/api/v1/ingest/notifications",
                notification(run + "-a", "schedule_failed", "2026-11-24T01:00:00Z"));
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.at("/created").asBoolean()).isFalse();
        assertThat(repeat.at("/notificationId").asString()).isEqualTo(failed.at("/notificationId").asString());

        long position = usage.at("/position").asLong();
        JsonNode counts = api.get("/api/v1/admin/notifications/counts?minPosition=" + position, OPERATOR).json();
        long unacknowledgedFailures = counts.at("/unacknowledgedByKind/schedule_failed").asLong();
        assertThat(unacknowledgedFailures).isGreaterThanOrEqualTo(1);

        JsonNode page = api.get("/api/v1/admin/notifications?from=2026-11-24T00:00:00Z&to=2026-11-24T04:00:00Z"
                + "&acknowledged=false&limit=200", OPERATOR).json();
        List<String> ours = page.at("/items").valueStream()
                .filter(n -> n.get("id").asString().startsWith(run)).map(n -> n.get("id").asString()).toList();
        assertThat(ours).as("newest first").containsExactly(run + "-c", run + "-b", run + "-a");
        JsonNode first = page.at("/items").valueStream().filter(n -> n.get("id").asString().equals(run + "-a"))
                .findFirst().orElseThrow();
        assertThat(first.at("/details/attempt").asInt()).isEqualTo(3);

        JsonNode onlyFailures = api.get("/api/v1/admin/notifications?kind=schedule_failed&limit=200", OPERATOR).json();
        assertThat(onlyFailures.at("/items").valueStream().map(n -> n.get("kind").asString())).containsOnly(
                "schedule_failed");

        Api.Response acknowledged = api.post("/api/v1/admin/notifications/acknowledge", OPERATOR,
                Map.of("notificationIds", List.of(failed.at("/notificationId").asString(),
                        completed.at("/notificationId").asString())));
        assertThat(acknowledged.status()).as(acknowledged.raw()).isEqualTo(200);
        assertThat(acknowledged.at("/acknowledged").size()).isEqualTo(2);

        JsonNode after = api.get("/api/v1/admin/notifications/counts?minPosition="
                + acknowledged.at("/position").asLong(), OPERATOR).json();
        assertThat(after.at("/unacknowledgedByKind/schedule_failed").asLong()).isEqualTo(unacknowledgedFailures - 1);
        JsonNode acknowledgedItem = api.get("/api/v1/admin/notifications?acknowledged=true&limit=200", OPERATOR)
                .at("/items").valueStream().filter(n -> n.get("id").asString().equals(run + "-a"))
                .findFirst().orElseThrow();
        assertThat(acknowledgedItem.get("acknowledgedBy").asString()).isEqualTo("nora");

        Api.Response again = api.post("/api/v1/admin/notifications/acknowledge", OPERATOR,
                Map.of("notificationIds", List.of(failed.at("/notificationId").asString())));
        assertThat(again.at("/alreadyAcknowledged").size()).isEqualTo(1);
        assertThat(again.at("/acknowledged").size()).isZero();
    }

    @Test
    void acknowledgingAnUnknownNotificationChangesNothing() {
        Api api = api();
        Api.Response known = api.ingest("/api/v1/ingest/notifications",
                notification(UUID.randomUUID().toString(), "message_event", "2026-11-24T05:00:00Z"));
        Api.Response rejected = api.post("/api/v1/admin/notifications/acknowledge", OPERATOR,
                Map.of("notificationIds", List.of(known.at("/notificationId").asString(), "ntf-does-not-exist")));
        assertThat(rejected.status()).isEqualTo(404);
        assertThat(rejected.contentType()).startsWith("application/problem+json");

        JsonNode item = api.get("/api/v1/admin/notifications?kind=message_event&limit=200&minPosition="
                + known.at("/position").asLong(), OPERATOR).at("/items").valueStream()
                .filter(n -> n.get("notificationId").asString().equals(known.at("/notificationId").asString()))
                .findFirst().orElseThrow();
        assertThat(item.get("acknowledged").asBoolean()).isFalse();
    }
}
