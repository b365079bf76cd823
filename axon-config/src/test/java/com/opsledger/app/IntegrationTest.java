package com.opsledger.app;

import com.opsledger.testing.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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

    private static final TestDatabase.Connection DATABASE = TestDatabase.freshDatabase();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        testProperties(DATABASE).forEach((key, value) -> registry.add(key, () -> value));
    }

    /** What a test instance of the service needs besides Spring's defaults. */
    public static java.util.Map<String, String> testProperties(TestDatabase.Connection database) {
        return java.util.Map.of(
                "spring.datasource.url", database.url(),
                "spring.datasource.username", database.user(),
                "spring.datasource.password", database.password(),
                "opsledger.security.jwt.hmac-secret", HMAC_SECRET,
                "opsledger.security.service-key", SERVICE_KEY,
                "opsledger.stripe.webhook-secret", STRIPE_WEBHOOK_SECRET,
                "opsledger.stripe.api-base", StripeStandIn.url(),
                "opsledger.stripe.api-key", StripeStandIn.API_KEY,
                "opsledger.connector.secret-key", CONNECTOR_SECRET_KEY,
                // Deadlines due within a test fire within a second.
                "db-scheduler.polling-interval", "1s");
    }

    protected Api api() {
        return new Api(port);
    }
}
