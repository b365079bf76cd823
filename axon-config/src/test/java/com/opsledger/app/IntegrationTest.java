package com.opsledger.app;

import com.opsledger.testing.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

/**
 * Base of the tests that run the whole service over real HTTP on a real PostgreSQL. All of them share one
 * application and one fresh database per test run, so each test makes its own data (unique ids) and asserts on it.
 */
@SpringBootTest(classes = OpsLedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    public static final String HMAC_SECRET = "integration-test-secret-of-at-least-32-bytes";
    public static final String SERVICE_KEY = "integration-test-service-key";
    public static final String STRIPE_WEBHOOK_SECRET = "whsec_integration_test";
    /** 32 bytes, base64: seals connection secrets. */
    public static final String CONNECTOR_SECRET_KEY = "aW50ZWdyYXRpb24tdGVzdC1jb25uZWN0b3Itc2VhbC0=";

    /** Ed25519, base64: signs the audit chain's checkpoints (PKCS#8) and verifies them (X.509). */
    public static final String AUDIT_SIGNING_KEY = "MC4CAQAwBQYDK2VwBCIEIFbyicudBc+T3UexKfLJ7ZNNVVXkV7B6qvC0k2SqT2uv";
    public static final String AUDIT_PUBLIC_KEY = "MCowBQYDK2VwAyEAEZ5xV8bTArMkOMuhJjyO28mivJd3IJtq8tk1n6UjXNs=";

    private static final TestDatabase.Connection DATABASE = TestDatabase.freshDatabase();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        testProperties(DATABASE).forEach((key, value) -> registry.add(key, () -> value));
    }

    /** What a test instance of the service needs besides Spring's defaults. */
    public static Map<String, String> testProperties(TestDatabase.Connection database) {
        return Map.ofEntries(
                Map.entry("spring.datasource.url", database.url()),
                Map.entry("spring.datasource.username", database.user()),
                Map.entry("spring.datasource.password", database.password()),
                Map.entry("opsledger.security.jwt.hmac-secret", HMAC_SECRET),
                Map.entry("opsledger.security.service-key", SERVICE_KEY),
                Map.entry("opsledger.stripe.webhook-secret", STRIPE_WEBHOOK_SECRET),
                Map.entry("opsledger.stripe.api-base", StripeStandIn.url()),
                Map.entry("opsledger.stripe.api-key", StripeStandIn.API_KEY),
                Map.entry("opsledger.connector.secret-key", CONNECTOR_SECRET_KEY),
                Map.entry("opsledger.audit.signing-key", AUDIT_SIGNING_KEY),
                Map.entry("opsledger.audit.public-keys", AUDIT_PUBLIC_KEY),
                // A checkpoint every few events, and gaps settled quickly, so that tests see both.
                Map.entry("opsledger.audit.checkpoint-every", "25"),
                Map.entry("opsledger.audit.gap-grace", "300ms"),
                Map.entry("opsledger.audit.poll-interval", "100ms"),
                // Refused webhooks recorded a second after they came, a flood answered 429 after 100 of them.
                Map.entry("opsledger.connector.refusal-window", "1s"),
                Map.entry("opsledger.connector.refusals-per-source", "100"),
                // The tests' workers listen on this machine.
                Map.entry("opsledger.connector.allow-private-endpoints", "true"),
                // Deadlines due within a test fire within a second.
                Map.entry("db-scheduler.polling-interval", "1s"));
    }

    protected Api api() {
        return new Api(port);
    }
}
