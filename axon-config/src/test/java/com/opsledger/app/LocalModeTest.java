package com.opsledger.app;

import com.opsledger.app.security.StripeSignatures;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Local mode runs with published secrets, so it must not be reachable from other machines by default; its Stripe
 * webhook secret is the one the jar's signer uses.
 */
class LocalModeTest {

    @Test
    void localModeListensOnLoopbackOnly() throws IOException {
        List<PropertySource<?>> local = new YamlPropertySourceLoader().load("local",
                new ClassPathResource("application-local.yml"));
        assertThat(local).singleElement().satisfies(source ->
                assertThat(source.getProperty("server.address")).isEqualTo("127.0.0.1"));
    }

    @Test
    void theLocalSignerSignsWithLocalModesWebhookSecretAsStripeVerifiesIt() throws Exception {
        PropertySource<?> local = new YamlPropertySourceLoader().load("local",
                new ClassPathResource("application-local.yml")).get(0);
        assertThat(local.getProperty("opsledger.stripe.webhook-secret")).hasToString(
                StripeSignatures.LOCAL_WEBHOOK_SECRET);
        String payload = StripeFixtures.event("issuing_card.created", StripeFixtures.object("issuing.card"));
        String header = StripeSignatures.sign(payload, StripeSignatures.LOCAL_WEBHOOK_SECRET, Instant.now());
        assertThat(Webhook.constructEvent(payload, header, StripeSignatures.LOCAL_WEBHOOK_SECRET, 300).getType())
                .isEqualTo("issuing_card.created");
        assertThatThrownBy(() -> Webhook.constructEvent(payload + " ", header, StripeSignatures.LOCAL_WEBHOOK_SECRET,
                300)).isInstanceOf(SignatureVerificationException.class);
    }
}
