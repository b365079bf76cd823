package com.opsledger.app;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.opsledger.events.wallet.WalletIds;
import com.opsledger.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's examples, run as written: every {@code sh} block from "## APIs" on, in order, by bash, against a
 * service started as local mode starts it (its secrets, its tokens file) on a fresh database. Only what differs on a
 * test machine is replaced: the port, the tokens file, the database of {@code verify-audit}, and the jar (not built
 * before the tests) by the same main class on the test class path. Every request must be answered below 400 but a
 * 409, which is the service saying a rule forbids it in that state. Stripe's API is the tests' stand-in, answering the
 * card calls with Stripe's example objects for the README's wallet.
 */
class ReadmeExamplesTest {

    private static final String CARD = "ic_1ReadmeExampleCard";
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern SH_BLOCK = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL);
    private static final String CURL_LOG = """
            set -euo pipefail
            curl() {   # the real curl, each answer's status written to $STATUS_LOG
              local out status
              out=$(command curl -sS -w '\\n%{http_code}' "$@") || { echo "000 $*" >> "$STATUS_LOG"; return 1; }
              status=${out##*$'\\n'}; out=${out%$'\\n'*}
              printf '%s' "$out"
              printf '%s %s\\n' "$status" "$(echo "$*" | tr '\\n' ' ')" >> "$STATUS_LOG"
            }
            """;

    /** Stripe's answers to the README's card calls: its example cardholder and card, of the README's wallet. */
    private static void stripeAnswersTheCardCalls() {
        String walletId = WalletIds.forAgent("agent-7");
        ObjectNode cardholder = StripeFixtures.object("issuing.cardholder");
        cardholder.putObject("metadata").put("opsledger_wallet_id", walletId);
        stub("/v1/issuing/cardholders", null, cardholder);
        stub("/v1/issuing/cards", null, StripeFixtures.card(CARD, walletId, "active"));
        for (String status : List.of("inactive", "active", "canceled")) {
            ObjectNode card = StripeFixtures.card(CARD, walletId, status);
            if (status.equals("canceled")) {
                card.put("cancellation_reason", "lost");
            }
            stub("/v1/issuing/cards/" + CARD, "status=" + status, card);
        }
    }

    private static void stub(String path, String bodyContains, JsonNode answer) {
        MappingBuilder request = WireMock.post(WireMock.urlEqualTo(path));
        if (bodyContains != null) {
            request = request.withRequestBody(WireMock.containing(bodyContains));
        }
        StripeStandIn.server().stubFor(request.willReturn(WireMock.aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(Api.JSON.writeValueAsString(answer))));
    }

    @Test
    void everyExampleRunsAsWritten() throws Exception {
        Path work = Files.createTempDirectory("readme");
        Path tokens = work.resolve("tokens.env");
        Path statusLog = work.resolve("status.log");
        TestDatabase.Connection database = TestDatabase.freshDatabase();
        Map<String, String> settings = new HashMap<>(Map.of(
                "spring.datasource.url", database.url(), "spring.datasource.username", database.user(),
                "spring.datasource.password", database.password(), "spring.profiles.active", "local",
                "server.port", "0", "opsledger.local.tokens-file", tokens.toString(),
                // Every position signed at once, so that the proof examples find their checkpoint.
                "opsledger.audit.checkpoint-every", "1", "opsledger.audit.poll-interval", "100ms",
                "opsledger.stripe.api-base", StripeStandIn.url()));
        try (ConfigurableApplicationContext service = TestService.start(settings)) {
            int port = TestService.port(service);
            stripeAnswersTheCardCalls();
            StringBuilder script = new StringBuilder(CURL_LOG).append(". '").append(tokens).append("'\n");
            String readme = Files.readString(ROOT.resolve("README.md"));
            Matcher block = SH_BLOCK.matcher(readme.substring(readme.indexOf("\n## APIs")));
            while (block.find()) {
                script.append(block.group(1)).append('\n');
            }
            String runnable = script.toString()
                    .replace("B=http://localhost:8080", "B=http://localhost:" + port)
                    .replace("java -jar axon-config/target/opsledger.jar",
                            "java -cp \"$TEST_CLASS_PATH\" com.opsledger.app.OpsLedgerApplication")
                    .replace("--url=jdbc:postgresql://localhost:54329/postgres", "--url=" + database.url())
                    .replace("--user=postgres", "--user=" + database.user());
            Path file = work.resolve("examples.sh");
            Files.writeString(file, runnable);

            ProcessBuilder bash = new ProcessBuilder("bash", file.toString()).directory(ROOT.toFile())
                    .redirectOutput(work.resolve("out.txt").toFile()).redirectError(work.resolve("err.txt").toFile());
            bash.environment().put("STATUS_LOG", statusLog.toString());
            bash.environment().put("TEST_CLASS_PATH", System.getProperty("java.class.path"));
            bash.environment().put("OPSLEDGER_AUDIT_DB_PASSWORD", database.password());
            Process process = bash.start();
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the examples end within 5 minutes").isTrue();
            String out = Files.readString(work.resolve("out.txt"));
            String err = Files.readString(work.resolve("err.txt"));
            assertThat(process.exitValue()).as("bash's exit; stderr:\n" + err + "\nscript: " + file).isZero();

            List<String> statuses = Files.readAllLines(statusLog);
            assertThat(statuses.size()).as("requests the examples made").isGreaterThan(60);
            assertThat(statuses).as("answers of 400 and more other than 409, or no answer")
                    .filteredOn(line -> !line.startsWith("409 ") && (line.startsWith("000") || line.charAt(0) >= '4'))
                    .isEmpty();
            assertThat(out).as("the openssl check of a proof").contains("leaf ok", "path ok",
                    "Signature Verified Successfully");
            assertThat(out).as("verify-proof and verify-audit").contains("\"valid\" : true", "\"intact\" : true");
            assertThat(statuses).as("the card calls reached Stripe's stand-in")
                    .anyMatch(line -> line.startsWith("201 ") && line.contains("/cards "));
        }
    }
}
