package com.opsledger.app;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A burst of one repeated probe lands in one group and is triaged with one call. */
class GroupTriageTest extends IntegrationTest {

    private static final String OPERATOR = Api.token("gina", "operator");

    /** Follows nextCursor to the end; every page reports the same total. */
    private static List<String> pageThrough(Api api, String firstPage) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(firstPage + (cursor == null ? "" : "&cursor=" + cursor), OPERATOR).json();
            assertThat(page.at("/total").asLong()).isEqualTo(6);
            assertThat(page.at("/totalExact").asBoolean()).isTrue();
            page.at("/items").forEach(item -> seen.add(item.get("feedbackId").asString()));
            cursor = page.at("/nextCursor").isMissingNode() ? null : page.at("/nextCursor").asString();
        } while (cursor != null);
        return seen;
    }

    @Test
    void aBurstOfRepeatedProbesIsOneGroupDecidedAtOnce() {
        Api api = api();
        String marker = UUID.randomUUID().toString().replaceAll("[0-9-]", "");
        List<String> ids = new ArrayList<>();
        String groupId = null;
        long position = 0;
        for (int i = 0; i < 6; i++) {
            // The same payload with other numbers in it: one fingerprint.
            Api.Response r = api.ingest("/api/v1/ingest/feedback", FeedbackWorkflowTest.submission(
                    "probe-" + marker + "-" + i, "<script>alert('" + marker + "', " + i + ")</script>"));
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            ids.add(r.at("/feedbackId").asString());
            assertThat(groupId == null || groupId.equals(r.at("/groupId").asString())).isTrue();
            groupId = r.at("/groupId").asString();
            position = r.at("/position").asLong();
        }

        JsonNode group = api.get("/api/v1/admin/feedback-groups/" + groupId + "?minPosition=" + position,
                OPERATOR).json();
        assertThat(group.at("/group/memberCount").asInt()).isEqualTo(6);
        assertThat(group.at("/group/burst").asBoolean()).as("5 in 10 minutes is a burst").isTrue();
        assertThat(group.at("/members/total").asLong()).isEqualTo(6);
        JsonNode row = api.get("/api/v1/admin/feedback?group=" + groupId, OPERATOR).at("/items/0");
        assertThat(row.at("/group/size").asInt()).isEqualTo(6);
        assertThat(row.at("/group/burst").asBoolean()).isTrue();

        // One member was already triaged on its own; the group decision leaves it alone.
        Api.Response single = api.post("/api/v1/admin/feedback/" + ids.get(0) + "/triage", OPERATOR, Map.of());
        assertThat(single.status()).as(single.raw()).isEqualTo(200);

        Api.Response decided = api.post("/api/v1/admin/feedback-groups/" + groupId + "/triage", OPERATOR,
                Map.of("decision", "archive_duplicates", "reason", "same probe, blocked at the edge"));
        assertThat(decided.status()).as(decided.raw()).isEqualTo(202);
        assertThat(decided.at("/members").asInt()).isEqualTo(6);
        JsonNode progress = GroupDecisionFanOutTest.awaitProgress(api, groupId, decided.at("/position").asLong(),
                p -> p.at("/finished").asBoolean());
        assertThat(progress.at("/changed").asInt()).isEqualTo(5);
        assertThat(progress.at("/leftAlone").asInt()).as("the member triaged on its own").isEqualTo(1);
        assertThat(progress.at("/pending").asInt()).isZero();

        JsonNode members = api.get("/api/v1/admin/feedback?group=" + groupId + "&limit=10&minPosition="
                + api.head(), OPERATOR).at("/items");
        assertThat(members.size()).isEqualTo(6);
        for (JsonNode member : members) {
            String expected = member.get("feedbackId").asString().equals(ids.get(0)) ? "triaged" : "archived";
            assertThat(member.get("state").asString()).isEqualTo(expected);
        }
        JsonNode archivedTimeline = api.get("/api/v1/admin/feedback/" + ids.get(3), OPERATOR).at("/timeline/1");
        assertThat(archivedTimeline.get("eventType").asString()).isEqualTo("FeedbackArchived");
        assertThat(archivedTimeline.get("reason").asString()).isEqualTo("same probe, blocked at the edge");
        assertThat(archivedTimeline.at("/details/duplicateOfGroup").asString()).isEqualTo(groupId);

        JsonNode afterwards = api.get("/api/v1/admin/feedback-groups/" + groupId, OPERATOR).json();
        assertThat(afterwards.at("/group/lastDecision").asString()).isEqualTo("archive_duplicates");
        assertThat(afterwards.at("/group/lastDecisionBy").asString()).isEqualTo("gina");

        List<String> newestFirst = new ArrayList<>(ids);
        Collections.reverse(newestFirst);
        assertThat(pageThrough(api, "/api/v1/admin/feedback?group=" + groupId + "&limit=4"))
                .as("queue pages").containsExactlyInAnyOrderElementsOf(ids);
        assertThat(pageThrough(api, "/api/v1/admin/feedback?group=" + groupId + "&sort=newest&limit=5"))
                .as("newest-first pages").containsExactlyElementsOf(newestFirst);

        JsonNode security = api.get("/api/v1/admin/feedback/security", OPERATOR).json();
        assertThat(security.at("/byClassification/script").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(security.at("/bySignal/security_probe").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(security.at("/topGroups").size()).isPositive();
    }

    /** Decisions sent the way an attacker would: each a problem, none recorded. */
    @Test
    void aBadDecisionIsRefusedAndRecordsNothing() {
        Api api = api();
        Api.Response member = api.ingest("/api/v1/ingest/feedback", FeedbackWorkflowTest.submission(
                "bad-decision-" + UUID.randomUUID(), "Timeline scroll jumps " + UUID.randomUUID()));
        String groupId = member.at("/groupId").asString();
        String path = "/api/v1/admin/feedback-groups/" + groupId + "/triage";

        for (String body : List.of("{\"decision\":\"delete_all\"}", "{\"decision\":1}", "{\"decision\":null}", "{}",
                "{\"decision\":\"triage\",\"reason\":\"" + "r".repeat(2001) + "\"}",
                "{\"decision\":\"triage\",\"groupId\":\"grp-other\"}", "[\"triage\"]", "")) {
            SecurityAndErrorsTest.assertProblem(api.post(path, OPERATOR, body), 400);
        }
        SecurityAndErrorsTest.assertProblem(api.post("/api/v1/admin/feedback-groups/grp-nothing/triage", OPERATOR,
                Map.of("decision", "triage")), 404);
        SecurityAndErrorsTest.assertProblem(api.post("/api/v1/admin/feedback-groups/"
                + member.at("/feedbackId").asString() + "/triage", OPERATOR, Map.of("decision", "triage")), 404);
        SecurityAndErrorsTest.assertProblem(api.post(path, Api.token("audrey", "auditor"),
                Map.of("decision", "triage")), 403);

        // Read after everything stored until now: no decision on the group, its member still open.
        JsonNode group = api.get("/api/v1/admin/feedback-groups/" + groupId + "?minPosition=" + api.head(), OPERATOR)
                .json();
        assertThat(group.at("/group/lastDecision").isMissingNode() || group.at("/group/lastDecision").isNull())
                .as(group.toString()).isTrue();
        assertThat(group.at("/members/items/0/state").asString()).isEqualTo("open");
    }
}
