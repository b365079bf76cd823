package com.opsledger.command.connector;

import com.opsledger.command.HmacSha256;
import com.opsledger.events.WireName;
import com.opsledger.events.connector.VerificationPosture;
import com.opsledger.events.connector.VerificationScheme;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Verifies an inbound webhook by its connection's scheme against each of the connection's live secrets (two while a
 * rotation overlaps): a pure function of the headers, the body, the secrets and the time. Signatures are compared in
 * constant time; the work is one HMAC per secret and one comparison per signature the request carries.
 */
final class InboundVerifier {

    /** How far a signed timestamp may lie from now, either way: Stripe's and Standard Webhooks' default. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final Pattern SECONDS = Pattern.compile("[0-9]{1,12}");

    /**
     * @param header the request's header of a (case-insensitive) name, or null when absent
     * @param body   the request body exactly as received (already checked to be UTF-8)
     */
    private static final Pattern STRIPE_SECRET = Pattern.compile("whsec_[A-Za-z0-9]{1,200}");
    private static final Pattern PRINTABLE = Pattern.compile("[!-~]([ -~]*[!-~])?");

    static VerificationPosture verify(VerificationScheme scheme, List<String> secrets, Function<String, String> header,
                                      String body, Instant now) {
        return switch (scheme) {
            case NONE -> VerificationPosture.UNSIGNED;
            case STANDARD_WEBHOOKS -> standardWebhooks(secrets, header, body, now);
            case STRIPE -> stripe(secrets, header.apply("Stripe-Signature"), body, now);
            case GITHUB -> github(secrets, header.apply("X-Hub-Signature-256"), body);
        };
    }

    /**
     * Why {@code secret} can never verify a webhook of {@code scheme}, or null when it can: Standard Webhooks takes
     * {@code whsec_} and the base64 of 24 to 64 bytes, Stripe {@code whsec_} and letters and digits, GitHub any
     * printable text. An unsigned scheme takes none, every other one needs one.
     */
    static String secretProblem(VerificationScheme scheme, String secret) {
        if (scheme == VerificationScheme.NONE || secret == null) {
            return scheme == VerificationScheme.NONE == (secret == null) ? null
                    : scheme == VerificationScheme.NONE ? "is not taken: this connection's webhooks are not signed"
                    : "is required: this connection's webhooks are signed (" + WireName.of(scheme) + ")";
        }
        return switch (scheme) {
            case STANDARD_WEBHOOKS -> standardWebhooksKeyBytes(secret) >= 24 && standardWebhooksKeyBytes(secret) <= 64
                    ? null : "must be whsec_ followed by the base64 of 24 to 64 bytes, as Standard Webhooks makes it";
            case STRIPE -> STRIPE_SECRET.matcher(secret).matches() ? null
                    : "must be whsec_ followed by letters and digits, as Stripe shows it";
            case GITHUB -> PRINTABLE.matcher(secret).matches() ? null
                    : "must be printable text without spaces at its ends";
            case NONE -> null;
        };
    }

    /** The length of a Standard Webhooks secret's key, or -1 when it is not {@code whsec_} and base64. */
    private static int standardWebhooksKeyBytes(String secret) {
        if (!secret.startsWith("whsec_")) {
            return -1;
        }
        try {
            return java.util.Base64.getDecoder().decode(secret.substring("whsec_".length())).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static VerificationPosture standardWebhooks(List<String> secrets, Function<String, String> header,
                                                        String body, Instant now) {
        String id = header.apply("webhook-id");
        String timestamp = header.apply("webhook-timestamp");
        String signatures = header.apply("webhook-signature");
        if (id == null || timestamp == null || signatures == null || !SECONDS.matcher(timestamp).matches()) {
            return VerificationPosture.SIGNATURE_FAILED;
        }
        long seconds = Long.parseLong(timestamp);
        if (stale(seconds, now)) {
            return VerificationPosture.TIMESTAMP_STALE;
        }
        for (String secret : secrets) {
            String expected = standardWebhooksSignature(secret, id, seconds, body);
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,") && equal(expected, signature.substring(3))) {
                    return VerificationPosture.VERIFIED;
                }
            }
        }
        return VerificationPosture.SIGNATURE_FAILED;
    }

    private static String standardWebhooksSignature(String secret, String id, long seconds, String body) {
        try {
            return new Webhook(secret).sign(id, seconds, body).substring(3);
        } catch (EmptyWebhookSecretException | WebhookSigningException | RuntimeException e) {
            // a secret the library cannot read (not whsec_ + base64) verifies nothing
            return null;
        }
    }

    private static VerificationPosture stripe(List<String> secrets, String header, String body, Instant now) {
        if (header == null) {
            return VerificationPosture.SIGNATURE_FAILED;
        }
        String timestamp = null;
        List<String> parts = List.of(header.split(","));
        for (String part : parts) {
            if (part.startsWith("t=")) {
                timestamp = part.substring(2);
            }
        }
        if (timestamp == null || !SECONDS.matcher(timestamp).matches()) {
            return VerificationPosture.SIGNATURE_FAILED;
        }
        if (stale(Long.parseLong(timestamp), now)) {
            return VerificationPosture.TIMESTAMP_STALE;
        }
        for (String secret : secrets) {
            String expected = HmacSha256.hex(secret, timestamp + "." + body);
            for (String part : parts) {
                if (part.startsWith("v1=") && equal(expected, part.substring(3))) {
                    return VerificationPosture.VERIFIED;
                }
            }
        }
        return VerificationPosture.SIGNATURE_FAILED;
    }

    private static VerificationPosture github(List<String> secrets, String header, String body) {
        if (header == null || !header.startsWith("sha256=")) {
            return VerificationPosture.SIGNATURE_FAILED;
        }
        for (String secret : secrets) {
            if (equal(HmacSha256.hex(secret, body), header.substring(7))) {
                return VerificationPosture.VERIFIED;
            }
        }
        return VerificationPosture.SIGNATURE_FAILED;
    }

    private static boolean stale(long seconds, Instant now) {
        return Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds();
    }

    /** In constant time; a null {@code expected} (an unusable secret) equals nothing. */
    private static boolean equal(String expected, String given) {
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    private InboundVerifier() {
    }
}
