package com.opsledger.command.connector.delivery;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The Standard Webhooks v1 headers of an outbound delivery, signed by the {@code com.standardwebhooks} library with
 * each live signing secret of the connection (two while a rotation overlaps, space-separated as the standard
 * allows): the worker verifies them with any Standard Webhooks library, with either secret.
 */
public final class DeliverySignature {

    private DeliverySignature() {
    }

    /**
     * @param secrets   each {@code whsec_} followed by the base64 key
     * @param messageId the delivery's {@code webhook-id}: the same on every attempt, so the worker can deduplicate
     */
    public static Map<String, String> headers(List<String> secrets, String messageId, Instant timestamp, String body) {
        long seconds = timestamp.getEpochSecond();
        List<String> signatures = new ArrayList<>();
        try {
            for (String secret : secrets) {
                signatures.add(new Webhook(secret).sign(messageId, seconds, body));
            }
        } catch (EmptyWebhookSecretException | WebhookSigningException e) {
            throw new IllegalArgumentException("the connection's signing secret is not usable", e);
        }
        return Map.of("webhook-id", messageId, "webhook-timestamp", Long.toString(seconds),
                "webhook-signature", String.join(" ", signatures));
    }

    /** A new signing secret: {@code whsec_} and the base64 of 24 random bytes, as Svix makes them. */
    public static String newSecret(SecureRandom random) {
        byte[] key = new byte[24];
        random.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
