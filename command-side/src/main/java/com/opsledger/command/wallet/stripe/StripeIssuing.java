package com.opsledger.command.wallet.stripe;

import com.opsledger.command.ContentHash;
import com.opsledger.events.RuleViolation;
import com.opsledger.events.wallet.CardStatus;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.issuing.Card;
import com.stripe.model.issuing.Cardholder;
import com.stripe.model.issuing.Dispute;
import com.stripe.net.RequestOptions;
import com.stripe.param.issuing.CardCreateParams;
import com.stripe.param.issuing.CardUpdateParams;
import com.stripe.param.issuing.CardholderCreateParams;
import com.stripe.param.issuing.DisputeCreateParams;
import com.stripe.param.issuing.DisputeSubmitParams;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.util.Map;

/**
 * OpsLedger's calls to Stripe Issuing (cardholders, cards and disputes), through the SDK's {@link StripeClient} at
 * {@code opsledger.stripe.api-base}. Every call carries an idempotency key derived from the operator's command, so a
 * retried command never makes a second card or dispute. A refusal by Stripe (4xx: the request cannot be done) is a
 * 409 with Stripe's message; Stripe unreachable or failing (5xx, network, our key refused) is a 502. Either way
 * nothing is recorded.
 */
@Component
class StripeIssuing {

    private final StripeClient client;
    private final MeterRegistry meters;

    StripeIssuing(StripeSettings settings, MeterRegistry meters) {
        this.meters = meters;
        this.client = settings.apiKey().isBlank() ? null : StripeClient.builder()
                .setApiKey(settings.apiKey())
                .setApiBase(settings.apiBase())
                .setConnectTimeout(5_000)
                .setReadTimeout(20_000)
                // Safe to retry: every call carries its idempotency key.
                .setMaxNetworkRetries(2)
                .build();
    }

    /**
     * A new virtual card for the wallet, active at once, whose metadata names the wallet (the webhooks find the
     * wallet by it). The key is derived from the wallet and the operator's request id.
     */
    Card issue(String walletId, String cardholderId, String currency, String requestId) {
        CardCreateParams params = CardCreateParams.builder()
                .setCardholder(cardholderId)
                .setCurrency(currency)
                .setType(CardCreateParams.Type.VIRTUAL)
                .setStatus(CardCreateParams.Status.ACTIVE)
                .putMetadata(StripeWebhookController.WALLET_METADATA, walletId)
                .build();
        return call("issue_card", () -> client().v1().issuing().cards().create(params,
                key("issue-card", walletId, requestId)));
    }

    /** A billing address, as Stripe requires one for every cardholder. */
    record Address(String line1, String city, String postalCode, String country, String state) {
    }

    /** A cardholder for the wallet (the agent's legal entity), its metadata naming the wallet. */
    Cardholder createCardholder(String walletId, String name, String email, boolean company, Address billing,
                                String requestId) {
        CardholderCreateParams params = CardholderCreateParams.builder()
                .setName(name)
                .setEmail(email)
                .setType(company ? CardholderCreateParams.Type.COMPANY : CardholderCreateParams.Type.INDIVIDUAL)
                .setBilling(CardholderCreateParams.Billing.builder().setAddress(
                        CardholderCreateParams.Billing.Address.builder().setLine1(billing.line1())
                                .setCity(billing.city()).setPostalCode(billing.postalCode())
                                .setCountry(billing.country()).setState(billing.state()).build()).build())
                .putMetadata(StripeWebhookController.WALLET_METADATA, walletId)
                .build();
        return call("create_cardholder", () -> client().v1().issuing().cardholders().create(params,
                key("create-cardholder", walletId, requestId)));
    }

    /** Freezes ({@code inactive}), unfreezes ({@code active}) or cancels the card, with a reason for a cancel. */
    Card setStatus(String cardId, CardStatus status, CardUpdateParams.CancellationReason reason, String requestId) {
        CardUpdateParams.Builder params = CardUpdateParams.builder().setStatus(switch (status) {
            case ACTIVE -> CardUpdateParams.Status.ACTIVE;
            case INACTIVE -> CardUpdateParams.Status.INACTIVE;
            case CANCELED -> CardUpdateParams.Status.CANCELED;
        });
        if (reason != null) {
            params.setCancellationReason(reason);
        }
        return call("update_card", () -> client().v1().issuing().cards().update(cardId, params.build(),
                key("card-status", cardId, status.name(), requestId)));
    }

    /**
     * Opens a dispute on a capture with the operator's evidence: Stripe's {@code reason} and an explanation. The
     * wallet is named in the dispute's metadata; the key is derived from the transaction (one dispute each).
     */
    Dispute openDispute(String walletId, String transactionId, String reason, String explanation) {
        DisputeCreateParams params = DisputeCreateParams.builder()
                .setTransaction(transactionId)
                .putMetadata(StripeWebhookController.WALLET_METADATA, walletId)
                .putExtraParam("evidence", Map.of("reason", reason, reason, Map.of("explanation", explanation)))
                .build();
        return call("open_dispute", () -> client().v1().issuing().disputes().create(params,
                key("open-dispute", transactionId)));
    }

    /** Submits an unsubmitted dispute to the card network. */
    Dispute submitDispute(String disputeId) {
        return call("submit_dispute", () -> client().v1().issuing().disputes().submit(disputeId,
                DisputeSubmitParams.builder().build(), key("submit-dispute", disputeId)));
    }

    private StripeClient client() {
        if (client == null) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "Stripe is not configured here (opsledger.stripe.api-key)");
        }
        return client;
    }

    /** Stripe's idempotency key for a command: the same command, the same key. */
    private static RequestOptions key(String... parts) {
        return RequestOptions.builder().setIdempotencyKey("opsledger-" + ContentHash.of(parts)).build();
    }

    private interface Call<T> {
        T run() throws StripeException;
    }

    private <T> T call(String operation, Call<T> call) {
        try {
            return call.run();
        } catch (StripeException e) {
            Integer status = e.getStatusCode();
            boolean refused = status != null && status >= 400 && status < 500 && status != 401 && status != 403
                    && status != 429;
            meters.counter("opsledger.stripe.api.errors", "operation", operation,
                    "type", e.getClass().getSimpleName()).increment();
            if (refused) {
                String message = e.getStripeError() == null ? e.getMessage() : e.getStripeError().getMessage();
                throw new RuleViolation("Stripe refused: " + message + " (request " + e.getRequestId() + ")");
            }
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "Stripe could not be reached or failed ("
                    + e.getClass().getSimpleName() + (status == null ? "" : ", HTTP " + status) + "); nothing was"
                    + " changed or recorded; try again", e);
        }
    }
}
