package com.opsledger.command.connector;

import com.opsledger.command.connector.delivery.DeliverySignature;
import com.opsledger.events.connector.VerificationPosture;
import com.stripe.net.Webhook;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static com.opsledger.events.connector.VerificationPosture.SIGNATURE_FAILED;
import static com.opsledger.events.connector.VerificationPosture.TIMESTAMP_STALE;
import static com.opsledger.events.connector.VerificationPosture.UNSIGNED;
import static com.opsledger.events.connector.VerificationPosture.VERIFIED;
import static com.opsledger.events.connector.VerificationScheme.GITHUB;
import static com.opsledger.events.connector.VerificationScheme.NONE;
import static com.opsledger.events.connector.VerificationScheme.STANDARD_WEBHOOKS;
import static com.opsledger.events.connector.VerificationScheme.STRIPE;
import static org.assertj.core.api.Assertions.assertThat;

/** Inbound verification, scheme by scheme, with the published vectors and the ways a forger or a replayer tries. */
class InboundVerifierTest {

    // Standard Webhooks' published vector
    private static final String SW_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SW_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final Instant SW_TIME = Instant.ofEpochSecond(1614265330);
    private static final String SW_BODY = "{\"test\": 2432232314}";
    private static final String SW_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
    private static final String OTHER_SW_SECRET = "whsec_" + java.util.Base64.getEncoder()
            .encodeToString("another key of thirty-two bytes!".getBytes());

    // GitHub's published vector (docs: "Validating webhook deliveries")
    private static final String GH_SECRET = "It's a Secret to Everybody";
    private static final String GH_BODY = "Hello, World!";
    private static final String GH_SIGNATURE =
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final String STRIPE_SECRET = "whsec_stripe_style_test_secret";
    private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"ping\"}";

    /** Headers looked up case-insensitively, as the servlet API does. */
    private static java.util.function.Function<String, String> headers(String... pairs) {
        Map<String, String> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map::get;
    }

    private static java.util.function.Function<String, String> standard(String id, long seconds, String signature) {
        return headers("Webhook-Id", id, "Webhook-Timestamp", Long.toString(seconds), "Webhook-Signature", signature);
    }

    @Test
    void standardWebhooksPublishedVectorVerifiesWithinTheTolerance() {
        var signed = standard(SW_ID, SW_TIME.getEpochSecond(), SW_SIGNATURE);
        assertThat(InboundVerifier.verify(STANDARD_WEBHOOKS, List.of(SW_SECRET), signed, SW_BODY, SW_TIME))
                .isEqualTo(VERIFIED);
        assertThat(InboundVerifier.verify(STANDARD_WEBHOOKS, List.of(SW_SECRET), signed, SW_BODY,
                SW_TIME.plusSeconds(300))).isEqualTo(VERIFIED);
        assertThat(InboundVerifier.verify(STANDARD_WEBHOOKS, List.of(SW_SECRET), signed, SW_BODY,
                SW_TIME.plusSeconds(301))).as("a replay after five minutes").isEqualTo(TIMESTAMP_STALE);
        assertThat(InboundVerifier.verify(STANDARD_WEBHOOKS, List.of(SW_SECRET), signed, SW_BODY,
                SW_TIME.minusSeconds(301))).as("a timestamp from the future").isEqualTo(TIMESTAMP_STALE);
    }

    @Test
    void standardWebhooksRefusesATamperedBodyIdOrSignatureAndMissingHeaders() {
        long t = SW_TIME.getEpochSecond();
        List<String> secrets = List.of(SW_SECRET);
        assertThat(InboundVerifier.verify(STANDARD_WEBHOOKS, secrets, standard(SW_ID, t, SW_SIGNATURE),
                "{\"test\": 2432232315}", SW_TIME)).isEqualTo(SIGNATURE_FAILED);
        assertThat(InboundVerifier.verify(STANDARD_WEBHOOKS, secrets, standard("msg_other", t, SW_SIGNATURE),
                SW_BODY, SW_TIME)).isEqualTo(SIGNATURE_FAILED);
        assertThat(InboundVerifier.verify(STANDARD_WEBHOOKS, secrets, standard(SW_ID, t + 1, SW_SIGNATURE),
                SW_BODY, SW_TIME)).as("the timestamp is signed too").isEqualTo(SIGNATURE_FAILED);
        assertThat(InboundVerifier.verify(STANDARD_WEBHOOKS, secrets,
                standard(SW_ID, t, SW_SIGNATURE.replace("v1,", "v2,")), SW_BODY, SW_TIME)).isEqualTo(SIGNATURE_FAILED);
        assertThat(InboundVerifier.verify(STANDARD_WEBHOOKS, secrets, standard(SW_ID, t, SW_SIGNATURE.substring(3)),
                SW_BODY, SW_TIME)).isEqualTo(SIGNATURE_FAILED);
        assertThat(InboundVerifier.verify(STANDARD_WEBHOOKS, List.of(OTHER_SW_SECRET),
                standard(SW_ID, t, SW_SIGNATURE), SW_BODY, SW_TIME)).isEqualTo(SIGNATURE_FAILED);
        assertThat(InboundVerifier.verify(STANDARD_WEBHOOKS, secrets, headers("webhook-id", SW_ID,
                "webhook-signature", SW_SIGNATURE), SW_BODY, SW_TIME)).isEqualTo(SIGNATURE_FAILED);
        assertThat(InboundVerifier.verify(STANDARD_WEBHOOKS, secrets, headers("webhook-id", SW_ID,
                "webhook-timestamp", "1614265330.0", "webhook-signature", SW_SIGNATURE), SW_BODY, SW_TIME))
                .isEqualTo(SIGNATURE_FAILED);
        assertThat(InboundVerifier.verify(STANDARD_WEBHOOKS, secrets, headers(), SW_BODY, SW_TIME))
                .isEqualTo(SIGNATURE_FAILED);
        assertThat(InboundVerifier.verify(STANDARD_WEBHOOKS, List.of("not a secret"),
                standard(SW_ID, t, SW_SIGNATURE), SW_BODY, SW_TIME)).isEqualTo(SIGNATURE_FAILED);
    }

    @Test
    void standardWebhooksFindsTheValidOneAmongSeveralSignatures() {
        String several = "v1,Zm9yZ2VkIHNpZ25hdHVyZSBvZiB0aGlydHktdHdvIGJ5dGVzIQ== " + SW_SIGNATURE;
        assertThat(InboundVerifier.verify(STANDARD_WEBHOOKS, List.of(SW_SECRET),
                standard(SW_ID, SW_TIME.getEpochSecond(), several), SW_BODY, SW_TIME)).isEqualTo(VERIFIED);
    }

    @Test
    void duringARotationBothSecretsVerifyAndAfterItOnlyTheNewOne() {
        Map<String, String> signedWithNew = DeliverySignature.headers(List.of(OTHER_SW_SECRET), "msg_rotation", NOW,
                BODY);
        var byNew = headers("webhook-id", "msg_rotation", "webhook-timestamp", signedWithNew.get("webhook-timestamp"),
                "webhook-signature", signedWithNew.get("webhook-signature"));
        var byOld = standard(SW_ID, SW_TIME.getEpochSecond(), SW_SIGNATURE);
        List<String> overlap = List.of(OTHER_SW_SECRET, SW_SECRET);
        assertThat(InboundVerifier.verify(STANDARD_WEBHOOKS, overlap, byNew, BODY, NOW)).isEqualTo(VERIFIED);
        assertThat(InboundVerifier.verify(STANDARD_WEBHOOKS, overlap, byOld, SW_BODY, SW_TIME)).isEqualTo(VERIFIED);
        assertThat(InboundVerifier.verify(STANDARD_WEBHOOKS, List.of(OTHER_SW_SECRET), byOld, SW_BODY, SW_TIME))
                .isEqualTo(SIGNATURE_FAILED);
        assertThat(InboundVerifier.verify(STRIPE, List.of("whsec_new", STRIPE_SECRET),
                stripeSigned(STRIPE_SECRET, NOW.getEpochSecond(), BODY), BODY, NOW)).isEqualTo(VERIFIED);
        assertThat(InboundVerifier.verify(GITHUB, List.of("new secret", GH_SECRET),
                headers("X-Hub-Signature-256", GH_SIGNATURE), GH_BODY, NOW)).isEqualTo(VERIFIED);
        assertThat(InboundVerifier.verify(GITHUB, List.of("new secret"),
                headers("X-Hub-Signature-256", GH_SIGNATURE), GH_BODY, NOW)).isEqualTo(SIGNATURE_FAILED);
    }

    /** Signed by Stripe's own SDK, so the scheme is checked against Stripe's code, not against ours. */
    private static java.util.function.Function<String, String> stripeSigned(String secret, long seconds, String body) {
        try {
            String v1 = Webhook.Util.computeHmacSha256(secret, seconds + "." + body);
            return headers("Stripe-Signature", "t=" + seconds + ",v1=" + v1);
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void stripeStyleVerifiesAStripeSignatureAndRefusesReplaysAndForgeries() {
        long t = NOW.getEpochSecond();
        List<String> secrets = List.of(STRIPE_SECRET);
        assertThat(InboundVerifier.verify(STRIPE, secrets, stripeSigned(STRIPE_SECRET, t, BODY), BODY, NOW))
                .isEqualTo(VERIFIED);
        assertThat(InboundVerifier.verify(STRIPE, secrets, stripeSigned(STRIPE_SECRET, t - 301, BODY), BODY, NOW))
                .isEqualTo(TIMESTAMP_STALE);
        assertThat(InboundVerifier.verify(STRIPE, secrets, stripeSigned(STRIPE_SECRET, t, BODY), BODY + " ", NOW))
                .isEqualTo(SIGNATURE_FAILED);
        assertThat(InboundVerifier.verify(STRIPE, secrets, stripeSigned("whsec_forger", t, BODY), BODY, NOW))
                .isEqualTo(SIGNATURE_FAILED);
        String signature = stripeSigned(STRIPE_SECRET, t, BODY).apply("stripe-signature");
        assertThat(InboundVerifier.verify(STRIPE, secrets,
                headers("Stripe-Signature", signature.replace("t=" + t, "t=" + (t + 1))), BODY, NOW))
                .as("a timestamp moved to pass the tolerance breaks the signature").isEqualTo(SIGNATURE_FAILED);
        assertThat(InboundVerifier.verify(STRIPE, secrets,
                headers("Stripe-Signature", "v0=" + signature.substring(signature.indexOf("v1=") + 3) + ",t=" + t),
                BODY, NOW)).as("only v1 counts").isEqualTo(SIGNATURE_FAILED);
        assertThat(InboundVerifier.verify(STRIPE, secrets,
                headers("Stripe-Signature", signature.substring(signature.indexOf(',') + 1)), BODY, NOW))
                .as("no timestamp").isEqualTo(SIGNATURE_FAILED);
        assertThat(InboundVerifier.verify(STRIPE, secrets,
                headers("Stripe-Signature", signature.toUpperCase(Locale.ROOT)), BODY, NOW))
                .isEqualTo(SIGNATURE_FAILED);
        assertThat(InboundVerifier.verify(STRIPE, secrets, headers(), BODY, NOW)).isEqualTo(SIGNATURE_FAILED);
    }

    @Test
    void gitHubsPublishedVectorVerifiesAndATamperedOneDoesNot() {
        List<String> secrets = List.of(GH_SECRET);
        assertThat(InboundVerifier.verify(GITHUB, secrets, headers("X-Hub-Signature-256", GH_SIGNATURE), GH_BODY,
                NOW)).isEqualTo(VERIFIED);
        assertThat(InboundVerifier.verify(GITHUB, secrets, headers("X-Hub-Signature-256", GH_SIGNATURE),
                "Hello, World?", NOW)).isEqualTo(SIGNATURE_FAILED);
        assertThat(InboundVerifier.verify(GITHUB, secrets,
                headers("X-Hub-Signature-256", GH_SIGNATURE.replace("sha256=", "sha1=")), GH_BODY, NOW))
                .isEqualTo(SIGNATURE_FAILED);
        assertThat(InboundVerifier.verify(GITHUB, secrets,
                headers("X-Hub-Signature", "sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59"), GH_BODY, NOW))
                .as("GitHub's legacy SHA-1 header is not accepted").isEqualTo(SIGNATURE_FAILED);
    }

    @Test
    void anUnsignedConnectionAcceptsEverythingAsUnsigned() {
        VerificationPosture posture = InboundVerifier.verify(NONE, List.of(), headers(), BODY, NOW);
        assertThat(posture).isEqualTo(UNSIGNED);
        assertThat(posture.accepted()).isTrue();
        assertThat(SIGNATURE_FAILED.accepted()).isFalse();
        assertThat(TIMESTAMP_STALE.accepted()).isFalse();
    }
}
