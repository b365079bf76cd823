package com.opsledger.app;

import com.opsledger.testing.TestDatabase;
import org.springframework.boot.SpringApplication;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Local mode, the README's run command ({@code ./mvnw ... spring-boot:test-run}): the service with the documented
 * local secrets, on an embedded PostgreSQL whose data lives in {@code .opsledger-local/} and survives restarts.
 * A datasource configured the usual way ({@code SPRING_DATASOURCE_URL}) is used as given instead.
 *
 * <p>It lives in the test sources so that neither the embedded database nor the local secrets reach the
 * production jar.
 */
public class LocalOpsLedgerApplication {

    public static void main(String[] args) {
        if (!datasourceConfigured(args)) {
            Path dataDirectory = Path.of(envOr("OPSLEDGER_LOCAL_DATA_DIR", ".opsledger-local/postgres"));
            int port = Integer.parseInt(envOr("OPSLEDGER_LOCAL_DB_PORT", "54329"));
            TestDatabase.Connection db = TestDatabase.embedded(dataDirectory.toAbsolutePath(), port);
            System.setProperty("spring.datasource.url", db.url());
            System.setProperty("spring.datasource.username", db.user());
            System.setProperty("spring.datasource.password", db.password());
        }
        SpringApplication.from(OpsLedgerApplication::main).withAdditionalProfiles("local").run(args);
    }

    private static boolean datasourceConfigured(String[] args) {
        return System.getenv("SPRING_DATASOURCE_URL") != null || System.getProperty("spring.datasource.url") != null
                || Arrays.stream(args).anyMatch(arg -> arg.startsWith("--spring.datasource.url="));
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
