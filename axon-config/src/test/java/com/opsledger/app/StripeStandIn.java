package com.opsledger.app;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * The stand-in for Stripe's API in tests: a WireMock server in the test JVM, shared by every test of the run (as the
 * database is), which each test stubs with Stripe's own example objects ({@link StripeFixtures}). The real SDK talks
 * to it over HTTP.
 */
final class StripeStandIn {

    static final String API_KEY = "sk_test_integration";
    private static final WireMockServer SERVER = start();

    private StripeStandIn() {
    }

    static WireMockServer server() {
        return SERVER;
    }

    static String url() {
        return "http://localhost:" + SERVER.port();
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }
}
