package com.opsledger.command.connector.delivery;

import com.opsledger.events.connector.AttemptReason;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Which addresses a connection's endpoint may reach, and an attempt that is not sent to an internal one. */
class EndpointAddressesTest {

    private final EndpointAddresses guarded = new EndpointAddresses(false);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.8.9.10", "localhost", "0.0.0.0", "0.1.2.3", "169.254.169.254",
            "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.1.1", "100.64.0.1", "100.127.255.254",
            "255.255.255.255", "224.0.0.1", "[::1]", "::1", "[::]", "[fe80::1]", "[fc00::1]", "[fd12:3456::1]",
            "[ff02::1]", "[::ffff:127.0.0.1]", "[::ffff:169.254.169.254]", "[::127.0.0.1]", "[64:ff9b::10.0.0.1]",
            "[64:ff9b::a9fe:a9fe]", "2130706433"})
    void internalAddressesAreRefusedNamingTheAddress(String host) {
        assertThat(guarded.refusal(host)).as(host).hasValueSatisfying(why -> assertThat(why)
                .contains("which connections may not reach"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "192.169.0.1", "11.0.0.1",
            "[2606:4700::1111]", "[64:ff9b::808:808]"})
    void publicAddressesMayBeReached(String host) {
        assertThat(guarded.refusal(host)).as(host).isEmpty();
    }

    @Test
    void theSettingAllowsInternalAddresses() {
        assertThat(new EndpointAddresses(true).refusal("127.0.0.1")).isEmpty();
        assertThat(new EndpointAddresses(true).refusal("169.254.169.254")).isEmpty();
    }

    @Test
    void anAttemptToAnInternalAddressIsNotSentAndSaysWhy() throws Exception {
        HttpServer worker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger received = new AtomicInteger();
        worker.createContext("/", exchange -> {
            received.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        worker.start();
        try {
            String url = "http://127.0.0.1:" + worker.getAddress().getPort() + "/hook";
            WebhookSender.Result refused = new WebhookSender(guarded, Clock.systemUTC())
                    .send(url, Map.of(), "{}", Duration.ofSeconds(2));
            assertThat(refused.reason()).isEqualTo(AttemptReason.INTERNAL_ADDRESS);
            assertThat(refused.reason().retryable()).as("the host may resolve elsewhere later").isTrue();
            assertThat(refused.statusCode()).isNull();
            assertThat(refused.excerpt()).contains("127.0.0.1", "loopback");
            assertThat(received).hasValue(0);

            WebhookSender.Result allowed = new WebhookSender(new EndpointAddresses(true), Clock.systemUTC())
                    .send(url, Map.of(), "{}", Duration.ofSeconds(2));
            assertThat(allowed.reason()).isEqualTo(AttemptReason.DELIVERED);
            assertThat(received).hasValue(1);
        } finally {
            worker.stop(0);
        }
    }
}
