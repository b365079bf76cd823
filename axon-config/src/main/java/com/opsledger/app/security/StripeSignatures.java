package com.opsledger.app.security;

import com.opsledger.command.HmacSha256;

import java.time.Instant;

/**
 * Signs a webhook payload the way Stripe does, for trying the Stripe webhooks locally:
 * {@code java -jar opsledger.jar sign-stripe-event < event.json} prints the {@code Stripe-Signature} header for the
 * payload, signed now with {@code OPSLEDGER_STRIPE_WEBHOOK_SECRET}, or the documented local secret if unset.
 */
public final class StripeSignatures {

    /** Local mode's webhook secret (application-local.yml); public, like the other local secrets. */
    public static final String LOCAL_WEBHOOK_SECRET = "whsec_opsledger_local_development";

    private StripeSignatures() {
    }

    /** {@code t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<payload>">}, keyed with the secret's UTF-8 bytes. */
    public static String sign(String payload, String secret, Instant at) {
        long t = at.getEpochSecond();
        return "t=" + t + ",v1=" + HmacSha256.hex(secret, t + "." + payload);
    }

    public static String signFromCommandLine(String payload) {
        String secret = System.getenv("OPSLEDGER_STRIPE_WEBHOOK_SECRET");
        return sign(payload, secret == null || secret.isBlank() ? LOCAL_WEBHOOK_SECRET : secret, Instant.now());
    }
}
