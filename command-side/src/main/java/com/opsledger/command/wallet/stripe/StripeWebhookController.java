package com.opsledger.command.wallet.stripe;

import com.opsledger.command.CommandSender;
import com.opsledger.command.ContentHash;
import com.opsledger.command.ReportedTimes;
import com.opsledger.command.wallet.AuthorizationAnswer;
import com.opsledger.events.InvalidInput;
import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.wallet.AuthorizationStatus;
import com.opsledger.events.wallet.CardStatus;
import com.opsledger.events.wallet.DisputeStatus;
import com.opsledger.events.wallet.TransactionType;
import com.opsledger.events.wallet.WalletIds;
import com.opsledger.events.wallet.command.DecideAuthorization;
import com.opsledger.events.wallet.command.DeclineInvalidAuthorization;
import com.opsledger.events.wallet.command.DeclineUnmatchedAuthorization;
import com.opsledger.events.wallet.command.RecordAuthorizationFallback;
import com.opsledger.events.wallet.command.RecordAuthorizationOutcome;
import com.opsledger.events.wallet.command.RecordCard;
import com.opsledger.events.wallet.command.RecordCardholder;
import com.opsledger.events.wallet.command.RecordDispute;
import com.opsledger.events.wallet.command.RecordTransaction;
import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.EventDataObjectDeserializer;
import com.stripe.model.StripeObject;
import com.stripe.model.issuing.Authorization;
import com.stripe.model.issuing.Card;
import com.stripe.model.issuing.Cardholder;
import com.stripe.model.issuing.Dispute;
import com.stripe.model.issuing.Transaction;
import com.stripe.net.Webhook;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stripe's webhooks for Issuing. Each event is verified by its signature ({@code Stripe-Signature}, at most
 * {@code opsledger.stripe.webhook-tolerance} old) before anything is read from it; a bad one is a 400 and records
 * nothing. A signed event is then checked as our own ingest is ({@link StripeEventCheck}): one of impossible values
 * is a 400 (a real-time request is declined and recorded), never applied. Every effect is idempotent by the Stripe
 * object it concerns, so a redelivered event (also two deliveries at once, or one after a crash) changes nothing the
 * second time. Event types OpsLedger does not follow are answered
 * 200 and counted, not stored.
 *
 * <p>{@code issuing_authorization.request} is answered synchronously with OpsLedger's decision; if none comes
 * within {@code opsledger.stripe.decision-timeout}, with the configured fallback, which is then recorded.
 */
@RestController
@EnableConfigurationProperties(StripeSettings.class)
class StripeWebhookController {

    /** The card metadata key naming the wallet a card belongs to; OpsLedger sets it on the cards it issues. */
    static final String WALLET_METADATA = "opsledger_wallet_id";
    static final String ACTOR = "stripe";
    /** The type counted for a webhook refused before its type could be trusted. */
    private static final String UNVERIFIED = "unverified";
    /** The event types counted by name; every other one is counted as {@code other}. */
    private static final Set<String> FOLLOWED = Set.of("issuing_authorization.request",
            "issuing_authorization.created", "issuing_authorization.updated", "issuing_card.created",
            "issuing_card.updated", "issuing_transaction.created", "issuing_transaction.updated",
            "issuing_dispute.created", "issuing_dispute.updated", "issuing_dispute.submitted",
            "issuing_dispute.closed", "issuing_cardholder.created", "issuing_cardholder.updated", UNVERIFIED);
    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

    /** Stripe's answer body for a real-time authorization. */
    record AuthorizationResponse(boolean approved, Map<String, String> metadata) {
    }

    record Received(boolean received) {
    }

    private final CommandSender commands;
    private final WalletDirectory directory;
    private final StripeSettings settings;
    private final MeterRegistry meters;
    private final ReportedTimes times;
    private final Clock clock;
    /** Decisions run here, so that the request thread can give up on one at the timeout and answer the fallback. */
    private final ExecutorService deciders = Executors.newFixedThreadPool(16, task -> {
        Thread thread = new Thread(task, "authorization-decision");
        thread.setDaemon(true);
        return thread;
    });

    StripeWebhookController(CommandSender commands, WalletDirectory directory, StripeSettings settings,
                            MeterRegistry meters, ReportedTimes times, Clock clock) {
        this.times = times;
        this.commands = commands;
        this.directory = directory;
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    @Operation(summary = "Receive a Stripe Issuing event",
            description = "Stripe posts its Issuing events, signed with the webhook secret (Stripe-Signature, at most "
                    + "300 s old). issuing_authorization.request is answered at once with the wallet's decision; "
                    + "reports of cards, authorizations, transactions, disputes and cardholders are recorded "
                    + "idempotently. Events with impossible values are refused (a real-time request is declined). No "
                    + "token: the signature is the credential.")
    @PostMapping("/webhooks/stripe")
    ResponseEntity<?> receive(@RequestBody String payload,
                              @RequestHeader(name = "Stripe-Signature", required = false) String signature,
                              HttpServletRequest request) {
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        verify(payload, signature);
        MetaData metaData = MetaData.with(MetaDataKeys.ACTOR, ACTOR)
                .and(MetaDataKeys.SOURCE_IP, request.getRemoteAddr());
        StripeEventCheck.Checked checked = StripeEventCheck.check(payload, times.latest());
        if (!checked.passed()) {
            return refuse(payload, checked, receivedAt, metaData);
        }
        Event event = event(payload, signature);
        String type = event.getType();
        ResponseEntity<?> answer = switch (type) {
            case "issuing_authorization.request" -> ResponseEntity.ok()
                    .header("Stripe-Version", event.getApiVersion())
                    .body(answer(object(event, Authorization.class), receivedAt, metaData));
            case "issuing_authorization.created", "issuing_authorization.updated" -> {
                recordOutcome(object(event, Authorization.class), Instant.ofEpochSecond(event.getCreated()), metaData,
                        type);
                yield ResponseEntity.ok(new Received(true));
            }
            case "issuing_transaction.created", "issuing_transaction.updated" -> {
                recordTransaction(object(event, Transaction.class), metaData, type);
                yield ResponseEntity.ok(new Received(true));
            }
            case "issuing_dispute.created", "issuing_dispute.updated", "issuing_dispute.submitted",
                 "issuing_dispute.closed" -> {
                recordDispute(object(event, Dispute.class), Instant.ofEpochSecond(event.getCreated()), metaData,
                        type);
                yield ResponseEntity.ok(new Received(true));
            }
            case "issuing_cardholder.created", "issuing_cardholder.updated" -> {
                Cardholder cardholder = object(event, Cardholder.class);
                Optional<String> walletId = walletOf(cardholder.getMetadata());
                if (walletId.isEmpty()) {
                    count(type, "unmatched");
                } else {
                    send(type, cardholderRecord(walletId.get(), cardholder, Instant.ofEpochSecond(event.getCreated())),
                            metaData);
                }
                yield ResponseEntity.ok(new Received(true));
            }
            case "issuing_card.created", "issuing_card.updated" -> {
                recordCard(object(event, Card.class), Instant.ofEpochSecond(event.getCreated()), metaData, type);
                yield ResponseEntity.ok(new Received(true));
            }
            default -> {
                count(type, "ignored");
                yield ResponseEntity.ok(new Received(true));
            }
        };
        return answer;
    }

    /** Verifies the signature before anything is read from the payload. */
    private void verify(String payload, String signature) {
        if (settings.webhookSecret().isBlank()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "Stripe webhooks are not configured here (opsledger.stripe.webhook-secret)");
        }
        if (signature == null || signature.isBlank()) {
            count(UNVERIFIED, "rejected");
            throw new InvalidInput("Stripe-Signature", "is missing: Stripe signs every webhook");
        }
        try {
            Webhook.Signature.verifyHeader(payload, signature, settings.webhookSecret(),
                    settings.webhookTolerance().toSeconds());
        } catch (SignatureVerificationException e) {
            count(UNVERIFIED, "rejected");
            // The SDK's message names the cause in its words; ours tell which of the two it was.
            boolean stale = String.valueOf(e.getMessage()).contains("tolerance");
            throw new InvalidInput("Stripe-Signature", stale ? "is older than the tolerance of "
                    + settings.webhookTolerance().toSeconds() + " s (or in the future): a replay, or a clock far off"
                    : "does not verify with the webhook secret");
        }
    }

    /** The checked event as the SDK reads it (which verifies the signature once more, as its reading requires). */
    private Event event(String payload, String signature) {
        try {
            return Webhook.constructEvent(payload, signature, settings.webhookSecret(),
                    settings.webhookTolerance().toSeconds());
        } catch (SignatureVerificationException e) {
            throw new InvalidInput("Stripe-Signature", "expired while the event was read; Stripe sends it again");
        }
    }

    /**
     * A signed event with impossible values. A real-time authorization request is declined (Stripe waits for an
     * answer) and recorded once with what was wrong; any other event is refused with a 400 and counted, never
     * applied.
     */
    private ResponseEntity<?> refuse(String payload, StripeEventCheck.Checked checked, Instant receivedAt,
                                     MetaData metaData) {
        String type = checked.type().orElse("other");
        log.warn("Refused a signed Stripe event of type {}: {}", type, checked.faults());
        if (!type.equals("issuing_authorization.request")) {
            count(type, "refused");
            StripeEventCheck.Fault first = checked.faults().get(0);
            throw new InvalidInput(first.field(), first.message());
        }
        AuthorizationAnswer declined = commands.send(new DeclineInvalidAuthorization(
                WalletIds.invalidRequestFor(ContentHash.of(payload)), checked.claimedAuthorization(),
                checked.namedWallet().filter(WalletIds::isWallet).orElse(null),
                checked.faults().stream().map(StripeEventCheck.Fault::toString).toList(), receivedAt), metaData);
        count(type, "invalid");
        return ResponseEntity.ok(new AuthorizationResponse(false,
                Map.of("opsledger_decision_id", declined.decisionId())));
    }

    /**
     * The event's object. An event of another API version than the SDK's is read as it is
     * ({@code deserializeUnsafe}): the Issuing fields OpsLedger reads are the same in every version it was tried on.
     */
    private static <T extends StripeObject> T object(Event event, Class<T> type) {
        EventDataObjectDeserializer data = event.getDataObjectDeserializer();
        StripeObject object = data.getObject().orElseGet(() -> {
            try {
                return data.deserializeUnsafe();
            } catch (EventDataObjectDeserializationException e) {
                log.warn("Stripe's {} object could not be read", event.getType(), e);
                throw new InvalidInput("data.object", "cannot be read as Stripe's " + type.getSimpleName()
                        + " object");
            }
        });
        if (!type.isInstance(object)) {
            throw new InvalidInput("data.object", "is not an " + type.getSimpleName() + " for " + event.getType());
        }
        return type.cast(object);
    }

    private AuthorizationResponse answer(Authorization authorization, Instant receivedAt, MetaData metaData) {
        Timer.Sample sample = Timer.start(meters);
        AuthorizationAnswer answer;
        String outcome;
        DecideAuthorization decide = decision(authorization, receivedAt);
        CompletableFuture<AuthorizationAnswer> decided = CompletableFuture.supplyAsync(
                () -> decide(decide, authorization, metaData), deciders);
        try {
            answer = decided.get(settings.decisionTimeout().toMillis(), TimeUnit.MILLISECONDS);
            outcome = answer.approved() ? "approved" : "declined";
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            log.warn("No decision for authorization {} in {}; answering the fallback ({})", authorization.getId(),
                    settings.decisionTimeout(), settings.fallbackApproves() ? "approve" : "decline", e);
            recordFallback(decided, decide, metaData);
            answer = new AuthorizationAnswer(WalletIds.decisionFor(authorization.getId()),
                    settings.fallbackApproves(), null, "fallback");
            outcome = "fallback";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        sample.stop(meters.timer("opsledger.stripe.authorization.decision", "outcome", outcome));
        count("issuing_authorization.request", outcome);
        return new AuthorizationResponse(answer.approved(), Map.of("opsledger_decision_id", answer.decisionId()));
    }

    private static DecideAuthorization decision(Authorization authorization, Instant receivedAt) {
        Authorization.PendingRequest pending = authorization.getPendingRequest();
        if (pending == null) {
            throw new InvalidInput("data.object.pending_request", "is missing from an authorization request");
        }
        Authorization.MerchantData merchant = authorization.getMerchantData();
        return new DecideAuthorization(walletOf(authorization.getCard()).orElse(null), authorization.getId(),
                authorization.getCard().getId(), pending.getAmount(), pending.getCurrency(),
                merchant == null ? null : merchant.getName(), merchant == null ? null : merchant.getCategory(),
                receivedAt);
    }

    /** The wallet's decision, or, for a card that names no existing wallet, the unmatched decline. */
    private AuthorizationAnswer decide(DecideAuthorization decide, Authorization authorization, MetaData metaData) {
        if (decide.walletId() != null) {
            try {
                return commands.send(decide, metaData);
            } catch (AggregateNotFoundException noSuchWallet) {
                // Declined below, as a card of no wallet.
            }
        }
        return commands.send(new DeclineUnmatchedAuthorization(authorization.getId(), decide.cardId(),
                authorization.getCard().getMetadata() == null ? null
                        : authorization.getCard().getMetadata().get(WALLET_METADATA),
                decide.amount(), decide.currency(), decide.merchantName(), decide.category(), decide.receivedAt()),
                metaData);
    }

    /**
     * Records the fallback once the decision attempt is over (so that a late decision is recorded first and then
     * replaced), retrying while the database is unreachable.
     */
    private void recordFallback(CompletableFuture<AuthorizationAnswer> decided, DecideAuthorization decide,
                                MetaData metaData) {
        if (decide.walletId() == null) {
            return;
        }
        RecordAuthorizationFallback fallback = new RecordAuthorizationFallback(decide.walletId(),
                decide.authorizationId(), decide.cardId(), decide.amount(), decide.currency(), decide.merchantName(),
                decide.category(), settings.fallbackApproves(), decide.receivedAt());
        decided.handleAsync((answer, failure) -> {
            for (Duration wait = Duration.ofSeconds(1); ; wait = min(wait.multipliedBy(2), Duration.ofMinutes(1))) {
                try {
                    commands.send(fallback, metaData);
                    return null;
                } catch (AggregateNotFoundException gone) {
                    return null;
                } catch (RuntimeException e) {
                    log.warn("Could not record the fallback answer of {} yet; trying again in {}",
                            decide.authorizationId(), wait, e);
                    sleep(wait);
                }
            }
        }, deciders);
    }

    /** Stripe's report of an authorization: its status, approval, amount and, when declined, Stripe's reason. */
    private void recordOutcome(Authorization authorization, Instant observedAt, MetaData metaData, String type) {
        Optional<String> walletId = walletOf(authorization.getCard());
        Optional<AuthorizationStatus> status = enumOf(AuthorizationStatus.class, authorization.getStatus());
        if (walletId.isEmpty() || status.isEmpty()) {
            count(type, "unmatched");
            return;
        }
        List<Authorization.RequestHistory> history = authorization.getRequestHistory();
        String stripeReason = history == null || history.isEmpty() ? null
                : history.get(history.size() - 1).getReason();
        boolean approved = Boolean.TRUE.equals(authorization.getApproved());
        Authorization.MerchantData merchant = authorization.getMerchantData();
        send(type, new RecordAuthorizationOutcome(walletId.get(), authorization.getId(),
                authorization.getCard().getId(), status.get(), approved,
                authorization.getAmount() == null ? 0 : authorization.getAmount(), authorization.getCurrency(),
                approved ? null : stripeReason, merchant == null ? null : merchant.getName(),
                merchant == null ? null : merchant.getCategory(), observedAt), metaData);
    }

    /** A transaction names its card by id only: the wallet is the one that holds that card. */
    private void recordTransaction(Transaction transaction, MetaData metaData, String type) {
        Optional<String> walletId = directory.walletOfCard(transaction.getCard());
        Optional<TransactionType> kind = enumOf(TransactionType.class, transaction.getType());
        if (walletId.isEmpty() || kind.isEmpty()) {
            count(type, "unmatched");
            return;
        }
        Transaction.MerchantData merchant = transaction.getMerchantData();
        send(type, new RecordTransaction(walletId.get(), transaction.getId(), transaction.getAuthorization(),
                transaction.getCard(), kind.get(), transaction.getAmount() == null ? 0 : transaction.getAmount(),
                transaction.getCurrency(), merchant == null ? null : merchant.getName(),
                merchant == null ? null : merchant.getCategory(), Instant.ofEpochSecond(transaction.getCreated())),
                metaData);
    }

    /** A dispute names its transaction by id only: the wallet is the one that recorded that transaction. */
    private void recordDispute(Dispute dispute, Instant observedAt, MetaData metaData, String type) {
        Optional<String> walletId = directory.walletOfTransaction(dispute.getTransaction());
        Optional<DisputeStatus> status = enumOf(DisputeStatus.class, dispute.getStatus());
        if (walletId.isEmpty() || status.isEmpty()) {
            count(type, "unmatched");
            return;
        }
        send(type, new RecordDispute(walletId.get(), dispute.getId(), dispute.getTransaction(), status.get(),
                dispute.getAmount() == null ? 0 : dispute.getAmount(), dispute.getCurrency(),
                dispute.getEvidence() == null ? null : dispute.getEvidence().getReason(), observedAt), metaData);
    }

    private void recordCard(Card card, Instant observedAt, MetaData metaData, String type) {
        Optional<String> walletId = walletOf(card);
        Optional<CardStatus> status = enumOf(CardStatus.class, card.getStatus());
        if (walletId.isEmpty() || status.isEmpty()) {
            count(type, "unmatched");
            return;
        }
        send(type, new RecordCard(walletId.get(), card.getId(),
                card.getCardholder() == null ? null : card.getCardholder().getId(), card.getLast4(),
                card.getCurrency(), status.get(), card.getCancellationReason(), observedAt), metaData);
    }

    /** Sends a command that answers whether it changed anything, and counts the outcome. */
    private void send(String type, Object command, MetaData metaData) {
        try {
            boolean changed = commands.send(command, metaData);
            count(type, changed ? "applied" : "unchanged");
        } catch (AggregateNotFoundException noSuchWallet) {
            count(type, "unmatched");
        }
    }

    static Optional<String> walletOf(Card card) {
        return walletOf(card == null ? null : card.getMetadata());
    }

    static Optional<String> walletOf(Map<String, String> metadata) {
        return Optional.ofNullable(metadata).map(m -> m.get(WALLET_METADATA)).filter(WalletIds::isWallet);
    }

    /** A cardholder as Stripe reports it, with the onboarding requirements it has not met. */
    static RecordCardholder cardholderRecord(String walletId, Cardholder cardholder, Instant observedAt) {
        Cardholder.Requirements requirements = cardholder.getRequirements();
        return new RecordCardholder(walletId, cardholder.getId(), cardholder.getName(), cardholder.getType(),
                cardholder.getStatus(), requirements == null || requirements.getPastDue() == null ? List.of()
                : requirements.getPastDue(), requirements == null ? null : requirements.getDisabledReason(),
                observedAt);
    }

    /** Stripe's lower-case value as the enum constant; empty for a value Stripe added since. */
    static <E extends Enum<E>> Optional<E> enumOf(Class<E> type, String stripeValue) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(stripeValue)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    private void count(String type, String outcome) {
        meters.counter("opsledger.stripe.webhook.events", "type", FOLLOWED.contains(type) ? type : "other",
                "outcome", outcome).increment();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
