package com.opsledger.command.wallet.stripe;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How OpsLedger talks to Stripe ({@code opsledger.stripe.*}, e.g. {@code OPSLEDGER_STRIPE_API_KEY}).
 *
 * @param apiBase          Stripe's API, or a stand-in for it (tests, local mode)
 * @param apiKey           the secret key OpsLedger calls Stripe with; empty: the card commands answer 503
 * @param webhookSecret    the signing secret of the webhook endpoint ({@code whsec_...}); empty: webhooks are refused
 * @param webhookTolerance how old a signed webhook may be (its {@code t=}); older is refused as replayed
 * @param decisionTimeout  how long a real-time authorization may take to decide before the fallback answers;
 *                         Stripe waits 2 s in all
 * @param fallbackApproves the answer when no decision came in time: false declines (the default)
 */
@ConfigurationProperties("opsledger.stripe")
public record StripeSettings(@DefaultValue("https://api.stripe.com") String apiBase,
                             @DefaultValue("") String apiKey,
                             @DefaultValue("") String webhookSecret,
                             @DefaultValue("300s") Duration webhookTolerance,
                             @DefaultValue("1500ms") Duration decisionTimeout,
                             @DefaultValue("false") boolean fallbackApproves) {
}
