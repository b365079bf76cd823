package com.opsledger.app;

import com.opsledger.testing.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.Map;

/** Starts a whole service instance of its own, for tests about starting, stopping and node roles. */
final class TestService {

    private TestService() {
    }

    /** The settings a test instance needs on the given database: datasource and test secrets, a free port. */
    static Map<String, String> settings(TestDatabase.Connection database) {
        Map<String, String> settings = new HashMap<>(IntegrationTest.testProperties(database));
        settings.put("server.port", "0");
        return settings;
    }

    /** Starts the service with these settings given as command-line arguments, which outrank application.yml. */
    static ConfigurableApplicationContext start(Map<String, String> settings) {
        return new SpringApplicationBuilder(OpsLedgerApplication.class)
                .run(settings.entrySet().stream().map(s -> "--" + s.getKey() + "=" + s.getValue())
                        .toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
