package com.opsledger.events.connector;

/** How a connection's inbound webhooks are signed by the upstream that sends them. */
public enum VerificationScheme {
    /** Standard Webhooks v1: {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature: v1,<base64>}. */
    STANDARD_WEBHOOKS,
    /** Stripe's: {@code Stripe-Signature: t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">}. */
    STRIPE,
    /** GitHub's: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>}; no timestamp. */
    GITHUB,
    /** Not signed: every event is accepted and recorded as {@link VerificationPosture#UNSIGNED}. */
    NONE
}
