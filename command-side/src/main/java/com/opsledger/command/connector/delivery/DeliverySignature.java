package com.opsledger.command.connector.delivery;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

import java.time.Instant;
import java.util.Map;

/**
 * The Standard Webhooks v1 headers of an outbound delivery, signed with the connection's secret by the
 * {@code com.standardwebhooks} library: the worker verifies them with any Standard Webhooks library.
 */
public final class DeliverySignature {

    private DeliverySignature() {
    }

    /**
     * @param secret    {@code whsec_} followed by the base64 key
     * @param messageId the delivery's {@code webhook-id}: the same on every attempt, so the worker can deduplicate
     */
    public static Map<String, String> headers(String secret, String messageId, Instant timestamp, String body) {
        try {
            long seconds = timestamp.getEpochSecond();
            return Map.of("webhook-id", messageId, "webhook-timestamp", Long.toString(seconds),
                    "webhook-signature", new Webhook(secret).sign(messageId, seconds, body));
        } catch (EmptyWebhookSecretException | WebhookSigningException e) {
            throw new IllegalArgumentException("the connection's signing secret is not usable", e);
        }
    }
}
