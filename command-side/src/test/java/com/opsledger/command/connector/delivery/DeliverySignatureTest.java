package com.opsledger.command.connector.delivery;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliverySignatureTest {

    private static final String PUBLISHED_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Test
    void signsTheStandardWebhooksPublishedVector() {
        Map<String, String> headers = DeliverySignature.headers(List.of(PUBLISHED_SECRET),
                "msg_p5jXN8AQM9LWM0D4loKWxJek", Instant.ofEpochSecond(1614265330), "{\"test\": 2432232314}");
        assertThat(headers).containsExactlyInAnyOrderEntriesOf(Map.of(
                "webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                "webhook-timestamp", "1614265330",
                "webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }

    /** During a rotation the worker may hold either secret: the library verifies with each, now. */
    @Test
    void duringARotationEitherSecretVerifies() throws Exception {
        String fresh = DeliverySignature.newSecret(new SecureRandom());
        assertThat(fresh).startsWith("whsec_").hasSize(6 + 32);
        Instant now = Instant.now();
        Map<String, String> headers = DeliverySignature.headers(List.of(fresh, PUBLISHED_SECRET), "msg_1", now,
                "{\"a\":1}");
        assertThat(headers.get("webhook-signature").split(" ")).hasSize(2);
        HttpHeaders received = HttpHeaders.of(Map.of("webhook-id", List.of("msg_1"),
                "webhook-timestamp", List.of(headers.get("webhook-timestamp")),
                "webhook-signature", List.of(headers.get("webhook-signature"))), (name, value) -> true);
        new Webhook(fresh).verify("{\"a\":1}", received);
        new Webhook(PUBLISHED_SECRET).verify("{\"a\":1}", received);
        assertThatThrownBy(() -> new Webhook(DeliverySignature.newSecret(new SecureRandom()))
                .verify("{\"a\":1}", received)).hasMessageContaining("signature");
    }

    @Test
    void anUnusableSecretIsRefused() {
        assertThatThrownBy(() -> DeliverySignature.headers(List.of(""), "msg_1", Instant.EPOCH, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
