package com.opsledger.app;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.opsledger.testing.TestDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code opsledger.node.roles} decides what a node runs: commands, queries (and projections), or both. */
class NodeRolesTest {

    private static final String OPERATOR = Api.token("nina", "operator");
    private final TestDatabase.Connection database = TestDatabase.freshDatabase();

    @Test
    void aCommandNodeTakesCommandsAndRunsNoProjections() {
        try (ConfigurableApplicationContext node = start("command")) {
            Api api = new Api(TestService.port(node));
            assertThat(api.ingest("/api/v1/ingest/feedback", FeedbackWorkflowTest.submission(
                    "roles-" + UUID.randomUUID(), "hello")).status()).isEqualTo(201);
            assertThat(api.get("/api/v1/admin/feedback", OPERATOR).status()).isEqualTo(404);
            assertThat(node.getBean(EventProcessingConfiguration.class).eventProcessors().keySet())
                    .as("no projection; only the command side's own processors")
                    .containsExactlyInAnyOrder("feedback-group-decisions", "connector-delivery",
                            "connector-held-release", "connector-endpoint-health", "connector-replays");
            assertThat(node.getBeansOfType(Scheduler.class)).as("the deadlines run here").hasSize(1);
        }
    }

    @Test
    void aQueryNodeServesReadsAndRunsProjectionsButTakesNoCommands() {
        try (ConfigurableApplicationContext node = start("query")) {
            Api api = new Api(TestService.port(node));
            assertThat(api.get("/api/v1/admin/feedback", OPERATOR).status()).isEqualTo(200);
            assertThat(api.ingest("/api/v1/ingest/feedback", FeedbackWorkflowTest.submission(
                    "roles-" + UUID.randomUUID(), "hello")).status()).isEqualTo(404);
            assertThat(node.getBean(EventProcessingConfiguration.class).eventProcessors())
                    .containsKeys("feedback-queue-v1", "feedback-groups-v1", "notifications-v1", "wallets-v1",
                            "spend-requests-v1", "connector-events-v1", "connections-v1")
                    .doesNotContainKeys("feedback-group-decisions", "connector-delivery");
            assertThat(node.getBeansOfType(Scheduler.class))
                    .as("no deadline scheduler: deadlines fire into aggregates, which query nodes do not hold").isEmpty();
        }
    }

    @Test
    void anUnknownRoleStopsTheStart() {
        assertThatThrownBy(() -> start("everything").close()).hasStackTraceContaining("opsledger.node.roles");
    }

    private ConfigurableApplicationContext start(String roles) {
        Map<String, String> settings = TestService.settings(database);
        settings.put("opsledger.node.roles", roles);
        return TestService.start(settings);
    }
}
