package com.opsledger.app;

import com.opsledger.testing.TestDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The command side's processors send commands or call out, so none of them can be replayed: every handler is
 * {@code @DisallowReplay}, and Axon then refuses to reset the processor's tokens at all. On a service with a group
 * decision taken to its members, each refuses, and no event is stored, no progress reported twice.
 */
class ReplaySafetyTest {

    private static final String OPERATOR = Api.token("olivia", "operator");
    /** The command side's processors, each of which sends commands or calls out. */
    private static final List<String> COMMAND_SIDE = List.of("feedback-group-decisions", "connector-delivery",
            "connector-held-release", "connector-endpoint-health", "connector-replays");

    @Test
    void theCommandSidesProcessorsRefuseToReplayAndNothingActsAgain() {
        TestDatabase.Connection database = TestDatabase.freshDatabase();
        try (ConfigurableApplicationContext service = TestService.start(TestService.settings(database))) {
            Api api = new Api(TestService.port(service));
            String groupId = decidedGroup(api);
            JdbcClient jdbc = service.getBean(JdbcClient.class);
            long head = head(jdbc);

            EventProcessingConfiguration processing = service.getBean(EventProcessingConfiguration.class);
            for (String name : COMMAND_SIDE) {
                StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class)
                        .orElseThrow();
                assertThat(processor.supportsReset()).as(name).isFalse();
                processor.shutDown();
                assertThatThrownBy(() -> processor.resetTokens(StreamableMessageSource::createTailToken))
                        .as(name + " refuses to replay").isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("do not support a reset");
                processor.start();
            }
            // The fan-out sends on threads of its own: give anything sent time to be stored.
            Api.pause(Duration.ofSeconds(2));
            assertThat(head(jdbc)).as("no event stored by a replay").isEqualTo(head);
            assertThat(api.get("/api/v1/admin/feedback-groups/" + groupId, OPERATOR).at("/group/decisionProgress/changed")
                    .asInt()).isEqualTo(3);
        }
    }

    /** A group of three, archived as duplicates by one decision that has reached every member. */
    private static String decidedGroup(Api api) {
        String marker = UUID.randomUUID().toString().replaceAll("[0-9-]", "");
        String groupId = null;
        for (int i = 0; i < 3; i++) {
            Api.Response r = api.ingest("/api/v1/ingest/feedback", FeedbackWorkflowTest.submission(
                    "replay-" + marker + "-" + i, "<script>alert('" + marker + "', " + i + ")</script>"));
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
            groupId = r.at("/groupId").asString();
        }
        Api.Response decided = api.post("/api/v1/admin/feedback-groups/" + groupId + "/triage", OPERATOR,
                Map.of("decision", "archive_duplicates", "reason", "one probe"));
        assertThat(decided.status()).as(decided.raw()).isEqualTo(202);
        GroupDecisionFanOutTest.awaitProgress(api, groupId, decided.at("/position").asLong(),
                p -> p.at("/finished").asBoolean());
        return groupId;
    }

    private static long head(JdbcClient jdbc) {
        return jdbc.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();
    }
}
