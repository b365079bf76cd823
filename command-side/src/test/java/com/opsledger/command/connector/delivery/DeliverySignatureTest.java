package com.opsledger.command.connector.delivery;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliverySignatureTest {

    @Test
    void signsTheStandardWebhooksPublishedVector() {
        Map<String, String> headers = DeliverySignature.headers("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek", Instant.ofEpochSecond(1614265330), "{\"test\": 2432232314}");
        assertThat(headers).containsExactlyInAnyOrderEntriesOf(Map.of(
                "webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                "webhook-timestamp", "1614265330",
                "webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    }

    @Test
    void anUnusableSecretIsRefused() {
        assertThatThrownBy(() -> DeliverySignature.headers("", "msg_1", Instant.EPOCH, "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
