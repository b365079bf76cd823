package com.opsledger.command.wallet;

import com.opsledger.command.AggregateCaching;
import com.opsledger.events.AggregateTypes;
import com.opsledger.events.MetaDataKeys;
import com.opsledger.events.RuleViolation;
import com.opsledger.events.WireName;
import com.opsledger.events.wallet.AuthorizationReason;
import com.opsledger.events.wallet.AuthorizationStatus;
import com.opsledger.events.wallet.CardStatus;
import com.opsledger.events.wallet.WalletIds;
import com.opsledger.events.wallet.command.DecideAuthorization;
import com.opsledger.events.wallet.command.RecordAuthorizationFallback;
import com.opsledger.events.wallet.command.RecordAuthorizationOutcome;
import com.opsledger.events.wallet.command.RecordCard;
import com.opsledger.events.wallet.command.RecordCardholder;
import com.opsledger.events.wallet.command.VerifyCardOperation;
import com.opsledger.events.wallet.event.AuthorizationDecided;
import com.opsledger.events.wallet.event.AuthorizationFallbackAnswered;
import com.opsledger.events.wallet.event.AuthorizationOutcomeRecorded;
import com.opsledger.events.wallet.event.CardIssued;
import com.opsledger.events.wallet.event.CardholderRecorded;
import com.opsledger.events.wallet.event.CardStatusChanged;
import com.opsledger.events.wallet.event.SpendRequestConsumed;
import com.opsledger.events.wallet.DisputeStatus;
import com.opsledger.events.wallet.TransactionType;
import com.opsledger.events.wallet.command.RecordDispute;
import com.opsledger.events.wallet.command.RecordTransaction;
import com.opsledger.events.wallet.command.VerifyDisputeOperation;
import com.opsledger.events.wallet.event.DisputeOpened;
import com.opsledger.events.wallet.event.DisputeStatusChanged;
import com.opsledger.events.wallet.event.TransactionRecorded;
import com.opsledger.events.wallet.SpendPolicy;
import com.opsledger.events.wallet.SpendRequestStatus;
import com.opsledger.events.wallet.command.ApproveSpendRequest;
import com.opsledger.events.wallet.command.CancelSpendRequest;
import com.opsledger.events.wallet.command.ChangeSpendPolicy;
import com.opsledger.events.wallet.command.OpenWallet;
import com.opsledger.events.wallet.command.RejectSpendRequest;
import com.opsledger.events.wallet.command.RequestSpend;
import com.opsledger.events.wallet.event.SpendApprovalRecorded;
import com.opsledger.events.wallet.event.SpendPolicyChanged;
import com.opsledger.events.wallet.event.SpendRequestApproved;
import com.opsledger.events.wallet.event.SpendRequestCanceled;
import com.opsledger.events.wallet.event.SpendRequestExpired;
import com.opsledger.events.wallet.event.SpendRequestRejected;
import com.opsledger.events.wallet.event.SpendRequestReleased;
import com.opsledger.events.wallet.event.SpendRequested;
import com.opsledger.events.wallet.event.WalletOpened;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The wallet of one agent: its spend policy, spend requests, cards, authorizations and budget, in one consistency
 * boundary, so that approving, expiring and using a spend request, and deciding an authorization against what is left
 * of the budget, are decided against one state: two authorizations that together exceed a limit cannot both pass.
 */
@Aggregate(cache = AggregateCaching.CACHE, type = AggregateTypes.WALLET)
class Wallet {

    /** The persistent deadline (db-scheduler's table) at which an open spend request expires. */
    static final String SPEND_REQUEST_EXPIRY = "spend-request-expiry";
    /** The longest a spend request may stay open. */
    static final Duration MAX_SPEND_REQUEST_LIFETIME = Duration.ofDays(90);
    /** The actor of what the wallet does on its own (expiries). */
    static final String ACTOR = "system:wallet";

    /** The deadline's payload: which spend request is due. */
    record SpendRequestExpiryDue(String spendRequestId) {
    }

    @AggregateIdentifier
    private String walletId;
    private String agentId;
    private String orgId;
    private String currency;
    private String contentHash;
    private SpendPolicy policy;
    private final Map<String, SpendRequest> spendRequests = new HashMap<>();
    private final Map<String, Card> cards = new HashMap<>();
    /** Every authorization decided, by Stripe's id, with the answer given: a repeated request gets it again. */
    private final Map<String, AuthorizationAnswer> answers = new HashMap<>();
    private final Map<String, Cardholder> cardholders = new HashMap<>();
    private final Map<String, TransactionType> transactions = new HashMap<>();
    private final Map<String, Dispute> disputes = new HashMap<>();
    /** What Stripe last reported of each authorization. */
    private final Map<String, Outcome> outcomes = new HashMap<>();
    /** The spend request each authorization used, while it holds it. */
    private final Map<String, String> spendRequestUsedBy = new HashMap<>();
    private final Budget budget = new Budget();

    /** A cardholder as Stripe last reported it, at {@code observedAt}. */
    record Cardholder(String name, String type, String status, List<String> pastDue, String disabledReason,
                      Instant observedAt) {
        boolean sameAs(RecordCardholder report) {
            return Objects.equals(name, report.name()) && Objects.equals(type, report.type())
                    && Objects.equals(status, report.status()) && pastDue.equals(report.pastDue())
                    && Objects.equals(disabledReason, report.disabledReason());
        }
    }

    /** A dispute as Stripe last reported it, at {@code observedAt}, and the transaction it disputes. */
    record Dispute(String transactionId, DisputeStatus status, Instant observedAt) {
    }

    /** An authorization as Stripe last reported it, at {@code observedAt}. */
    record Outcome(AuthorizationStatus status, boolean approved, long amount, Instant observedAt) {
        boolean sameAs(Outcome other) {
            return status == other.status && approved == other.approved && amount == other.amount;
        }
    }

    /** A card as the wallet's rules read it, and the time of the Stripe report its status comes from. */
    record Card(CardStatus status, Instant observedAt) {
    }

    Wallet() {
        // For Axon: the aggregate is rebuilt from its events.
    }

    /** Answers whether this command opened the wallet (false for a repeat of the same opening). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(OpenWallet command) {
        if (walletId != null) {
            if (!contentHash.equals(command.contentHash())) {
                throw new RuleViolation("the wallet of agent '" + agentId + "' is open already, with other details;"
                        + " change its policy instead");
            }
            return false;
        }
        apply(new WalletOpened(command.walletId(), command.agentId(), command.orgId(), command.workspaceId(),
                command.currency(), command.policy(), command.contentHash()));
        return true;
    }

    @CommandHandler
    void handle(ChangeSpendPolicy command) {
        if (policy.equals(command.policy())) {
            throw new RuleViolation("the wallet's spend policy is that already");
        }
        apply(new SpendPolicyChanged(walletId, policy, command.policy()));
    }

    /** Answers whether this command recorded the request (false for a repeat of the same request). */
    @CommandHandler
    boolean handle(RequestSpend command, DeadlineManager deadlines) {
        SpendRequest known = spendRequests.get(command.spendRequestId());
        if (known != null) {
            if (!known.contentHash().equals(command.contentHash())) {
                throw new RuleViolation("spend request id '" + command.requestId()
                        + "' was already used for a different request");
            }
            return false;
        }
        if (!currency.equals(command.currency())) {
            throw new RuleViolation("the wallet spends " + currency + ", not " + command.currency());
        }
        SpendRules.amountDecline(policy, command.amount())
                .or(() -> command.category() == null ? Optional.empty()
                        : SpendRules.categoryDecline(policy, command.category()))
                .ifPresent(declined -> refuse(declined.explanation()));
        if (!command.expiresAt().isAfter(command.requestedAt())) {
            throw new RuleViolation("the request expires at " + command.expiresAt() + ", which has passed");
        }
        if (command.expiresAt().isAfter(command.requestedAt().plus(MAX_SPEND_REQUEST_LIFETIME))) {
            throw new RuleViolation("a spend request may stay open for at most "
                    + MAX_SPEND_REQUEST_LIFETIME.toDays() + " days");
        }
        apply(new SpendRequested(walletId, orgId, command.spendRequestId(), command.requestId(), command.requestedBy(),
                command.amount(), command.currency(), command.merchantName(), command.category(), command.purpose(),
                command.expiresAt(), SpendRules.approvalsRequired(policy, command.amount()), command.contentHash()));
        deadlines.schedule(command.expiresAt(), SPEND_REQUEST_EXPIRY,
                new SpendRequestExpiryDue(command.spendRequestId()));
        return true;
    }

    @CommandHandler
    void handle(ApproveSpendRequest command) {
        SpendRequest request = spendRequest(command.spendRequestId());
        requireStatus(command.spendRequestId(), request, SpendRequestStatus.REQUESTED, "approved");
        if (!command.at().isBefore(request.expiresAt())) {
            throw new RuleViolation("spend request " + command.spendRequestId() + " expired at "
                    + request.expiresAt());
        }
        if (command.approver().equals(request.requestedBy())) {
            throw new RuleViolation("the approver is the requester: " + command.approver()
                    + " asked for this spend and cannot approve it");
        }
        if (request.approvers().contains(command.approver())) {
            throw new RuleViolation(command.approver() + " approved this spend request already;"
                    + " a second, different operator must approve it");
        }
        if (request.approvers().size() + 1 < request.approvalsRequired()) {
            apply(new SpendApprovalRecorded(walletId, command.spendRequestId(), command.approver()));
        } else {
            apply(new SpendRequestApproved(walletId, command.spendRequestId(),
                    request.approversWith(command.approver())));
        }
    }

    @CommandHandler
    void handle(RejectSpendRequest command) {
        SpendRequest request = spendRequest(command.spendRequestId());
        requireStatus(command.spendRequestId(), request, SpendRequestStatus.REQUESTED, "rejected");
        apply(new SpendRequestRejected(walletId, command.spendRequestId(), command.rejecter()));
    }

    /** Answers whether this command canceled the request (false when it had been canceled already). */
    @CommandHandler
    boolean handle(CancelSpendRequest command) {
        SpendRequest request = spendRequest(command.spendRequestId());
        if (request.status() == SpendRequestStatus.CANCELED) {
            return false;
        }
        if (!request.status().isOpen()) {
            throw new RuleViolation("spend request " + command.spendRequestId() + " is "
                    + WireName.of(request.status()) + "; only a requested or approved one can be canceled");
        }
        apply(new SpendRequestCanceled(walletId, command.spendRequestId()));
        return true;
    }

    /**
     * Refuses an operator's card operation the wallet does not allow, before Stripe is called: a card of another
     * wallet, a change of a canceled card, a change to the status it has. Applies nothing. Answers the wallet's
     * currency, which a new card is issued in.
     */
    @CommandHandler
    String handle(VerifyCardOperation command) {
        if (command.cardId() == null) {
            return currency;
        }
        Card card = cards.get(command.cardId());
        if (card == null) {
            throw new AggregateNotFoundException(command.cardId(), "no card " + command.cardId() + " in wallet "
                    + walletId);
        }
        if (card.status() == CardStatus.CANCELED) {
            throw new RuleViolation("card " + command.cardId() + " is canceled; a canceled card cannot change");
        }
        if (card.status() == command.status()) {
            throw new RuleViolation("card " + command.cardId() + " is " + WireName.of(card.status()) + " already");
        }
        return currency;
    }

    /** Answers whether the wallet's record of the card changed. */
    @CommandHandler
    boolean handle(RecordCard command) {
        Card known = cards.get(command.cardId());
        if (known == null) {
            apply(new CardIssued(walletId, command.cardId(), command.cardholderId(), command.last4(),
                    command.currency(), command.status(), command.cancellationReason(), command.observedAt()));
            return true;
        }
        boolean stale = command.observedAt().isBefore(known.observedAt());
        boolean leavesCanceled = known.status() == CardStatus.CANCELED;
        if (stale || leavesCanceled || known.status() == command.status()) {
            return false;
        }
        apply(new CardStatusChanged(walletId, command.cardId(), known.status(), command.status(),
                command.cancellationReason(), command.observedAt()));
        return true;
    }

    /**
     * Decides a real-time authorization by {@link SpendRules#decide}: against the card, the policy, the budget spent
     * in the request's UTC day and month, and the approved spend requests, one of which it uses up. A card the wallet
     * does not hold is declined (unknown card), and recorded as such.
     */
    @CommandHandler
    AuthorizationAnswer handle(DecideAuthorization command) {
        AuthorizationAnswer known = answers.get(command.authorizationId());
        if (known != null) {
            return known;
        }
        Card card = cards.get(command.cardId());
        SpendRules.Request request = new SpendRules.Request(command.amount(), command.currency(),
                command.merchantName(), command.category(), command.receivedAt());
        SpendRules.Decision decision = card == null
                ? new SpendRules.Decision(AuthorizationReason.UNKNOWN_CARD,
                        "card " + command.cardId() + " is not one of this wallet's cards", null)
                : SpendRules.decide(card.status(), currency, policy, budget.spent(command.receivedAt()),
                        approvedSpendRequests(), request);
        String decisionId = WalletIds.decisionFor(command.authorizationId());
        apply(new AuthorizationDecided(walletId, orgId, command.authorizationId(), decisionId, command.cardId(),
                command.amount(), command.currency(), command.merchantName(), command.category(),
                decision.approved(), decision.reason(), decision.explanation(), decision.spendRequestId(),
                policy.approvalThreshold(), command.receivedAt()));
        if (decision.spendRequestId() != null) {
            apply(new SpendRequestConsumed(walletId, decision.spendRequestId(), command.authorizationId(),
                    command.amount()));
        }
        return answers.get(command.authorizationId());
    }

    /**
     * Records the fallback answer Stripe got for an authorization not decided in time. A decision that came
     * meanwhile is replaced by it, and so is its hold on the budget; a spend request it used is released if the
     * fallback declined.
     */
    @CommandHandler
    void handle(RecordAuthorizationFallback command) {
        AuthorizationAnswer known = answers.get(command.authorizationId());
        if (known != null && known.reason() == AuthorizationReason.FALLBACK) {
            return;
        }
        apply(new AuthorizationFallbackAnswered(walletId, orgId, command.authorizationId(),
                WalletIds.decisionFor(command.authorizationId()), command.cardId(), command.amount(),
                command.currency(), command.merchantName(), command.category(), command.approved(), known != null,
                policy.approvalThreshold(), command.receivedAt()));
        if (!command.approved()) {
            releaseSpendRequest(command.authorizationId(), "the fallback declined authorization "
                    + command.authorizationId() + ", which had used it");
        }
    }

    /** Answers whether the report changed what the wallet knows of the authorization. */
    @CommandHandler
    boolean handle(RecordAuthorizationOutcome command) {
        Outcome known = outcomes.get(command.authorizationId());
        Outcome reported = new Outcome(command.status(), command.approved(), command.amount(), command.observedAt());
        if (known != null && (command.observedAt().isBefore(known.observedAt()) || known.sameAs(reported))) {
            return false;
        }
        apply(new AuthorizationOutcomeRecorded(walletId, orgId, command.authorizationId(), command.cardId(),
                command.status(), command.approved(), command.amount(), command.currency(), command.stripeReason(),
                command.merchantName(), command.category(), answers.containsKey(command.authorizationId()),
                command.observedAt()));
        if (!command.approved()) {
            releaseSpendRequest(command.authorizationId(), "Stripe declined authorization " + command.authorizationId()
                    + ", which had used it" + (command.stripeReason() == null ? "" : " (" + command.stripeReason()
                    + ")"));
        }
        return true;
    }

    /**
     * Gives the spend request an authorization used back to the approved ones, since Stripe did not approve that
     * authorization; one whose expiry passed meanwhile expires now (its deadline found it used and left it alone).
     */
    private void releaseSpendRequest(String authorizationId, String explanation) {
        String spendRequestId = spendRequestUsedBy.get(authorizationId);
        if (spendRequestId == null) {
            return;
        }
        apply(new SpendRequestReleased(walletId, spendRequestId, authorizationId, explanation));
        Instant expiresAt = spendRequests.get(spendRequestId).expiresAt();
        if (!GenericEventMessage.clock.instant().isBefore(expiresAt)) {
            apply(new SpendRequestExpired(walletId, spendRequestId, expiresAt), MetaData.with(MetaDataKeys.ACTOR,
                    ACTOR));
        }
    }

    /** Answers whether the wallet's record of the cardholder changed. */
    @CommandHandler
    boolean handle(RecordCardholder command) {
        Cardholder known = cardholders.get(command.cardholderId());
        if (known != null && (command.observedAt().isBefore(known.observedAt()) || known.sameAs(command))) {
            return false;
        }
        apply(new CardholderRecorded(walletId, command.cardholderId(), command.name(), command.type(),
                command.status(), command.pastDue(), command.disabledReason(), command.observedAt()));
        return true;
    }

    /** Answers whether this report recorded the transaction (false for one recorded before). */
    @CommandHandler
    boolean handle(RecordTransaction command) {
        if (transactions.containsKey(command.transactionId())) {
            return false;
        }
        apply(new TransactionRecorded(walletId, orgId, command.transactionId(), command.authorizationId(),
                command.cardId(), command.type(), command.amount(), command.currency(), command.merchantName(),
                command.category(), command.createdAt()));
        return true;
    }

    /**
     * Refuses an operator's dispute operation before Stripe is called: a dispute on a transaction the wallet does not
     * have, on a refund, or on a transaction disputed already; a submit of a dispute that is not unsubmitted.
     */
    @CommandHandler
    void handle(VerifyDisputeOperation command) {
        if (command.disputeId() != null) {
            Dispute dispute = disputes.get(command.disputeId());
            if (dispute == null) {
                throw new AggregateNotFoundException(command.disputeId(), "no dispute " + command.disputeId()
                        + " in wallet " + walletId);
            }
            if (dispute.status() != DisputeStatus.UNSUBMITTED) {
                throw new RuleViolation("dispute " + command.disputeId() + " is " + WireName.of(dispute.status())
                        + "; only an unsubmitted one can be submitted");
            }
            return;
        }
        TransactionType type = transactions.get(command.transactionId());
        if (type == null) {
            throw new AggregateNotFoundException(command.transactionId(), "no transaction "
                    + command.transactionId() + " in wallet " + walletId);
        }
        if (type != TransactionType.CAPTURE) {
            throw new RuleViolation("transaction " + command.transactionId() + " is a refund; only a capture can be"
                    + " disputed");
        }
        disputes.entrySet().stream().filter(d -> d.getValue().transactionId().equals(command.transactionId()))
                .findFirst().ifPresent(d -> {
                    throw new RuleViolation("transaction " + command.transactionId() + " is disputed already ("
                            + d.getKey() + ", " + WireName.of(d.getValue().status()) + ")");
                });
    }

    /** Answers whether the wallet's record of the dispute changed. */
    @CommandHandler
    boolean handle(RecordDispute command) {
        Dispute known = disputes.get(command.disputeId());
        if (known == null) {
            apply(new DisputeOpened(walletId, orgId, command.disputeId(), command.transactionId(), command.status(),
                    command.amount(), command.currency(), command.reason(), command.observedAt()));
            return true;
        }
        if (command.observedAt().isBefore(known.observedAt()) || !known.status().isOpen()
                || known.status() == command.status()) {
            return false;
        }
        apply(new DisputeStatusChanged(walletId, command.disputeId(), known.status(), command.status(),
                command.observedAt()));
        return true;
    }

    private List<SpendRules.Approved> approvedSpendRequests() {
        return spendRequests.entrySet().stream()
                .filter(e -> e.getValue().status() == SpendRequestStatus.APPROVED)
                .map(e -> new SpendRules.Approved(e.getKey(), e.getValue().amount(), e.getValue().merchantName(),
                        e.getValue().category(), e.getValue().expiresAt()))
                .toList();
    }

    /**
     * The expiry of a spend request fired. A request closed meanwhile (rejected, canceled, used) is left alone: its
     * deadline is not canceled when it closes, since db-scheduler can cancel by schedule id only.
     */
    @DeadlineHandler(deadlineName = SPEND_REQUEST_EXPIRY)
    void on(SpendRequestExpiryDue due) {
        SpendRequest request = spendRequests.get(due.spendRequestId());
        if (request != null && request.status().isOpen()) {
            apply(new SpendRequestExpired(walletId, due.spendRequestId(), request.expiresAt()),
                    MetaData.with(MetaDataKeys.ACTOR, ACTOR));
        }
    }

    private SpendRequest spendRequest(String spendRequestId) {
        SpendRequest request = spendRequests.get(spendRequestId);
        if (request == null) {
            throw new AggregateNotFoundException(spendRequestId, "no spend request " + spendRequestId
                    + " in wallet " + walletId);
        }
        return request;
    }

    private static void requireStatus(String id, SpendRequest request, SpendRequestStatus required, String verb) {
        if (request.status() != required) {
            throw new RuleViolation("spend request " + id + " is " + WireName.of(request.status()) + "; only a "
                    + WireName.of(required) + " one can be " + verb);
        }
    }

    private static void refuse(String why) {
        throw new RuleViolation(why);
    }

    @EventSourcingHandler
    void on(WalletOpened event) {
        walletId = event.walletId();
        agentId = event.agentId();
        orgId = event.orgId();
        currency = event.currency();
        contentHash = event.contentHash();
        policy = event.policy();
    }

    @EventSourcingHandler
    void on(SpendPolicyChanged event) {
        policy = event.policy();
    }

    @EventSourcingHandler
    void on(SpendRequested event) {
        spendRequests.put(event.spendRequestId(), SpendRequest.requested(event.requestedBy(), event.contentHash(),
                event.amount(), event.merchantName(), event.category(), event.expiresAt(), event.approvalsRequired()));
    }

    @EventSourcingHandler
    void on(SpendApprovalRecorded event) {
        spendRequests.computeIfPresent(event.spendRequestId(),
                (id, request) -> request.withApprovers(request.approversWith(event.approver())));
    }

    @EventSourcingHandler
    void on(SpendRequestApproved event) {
        spendRequests.computeIfPresent(event.spendRequestId(), (id, request) ->
                request.withApprovers(event.approvers()).withStatus(SpendRequestStatus.APPROVED));
    }

    @EventSourcingHandler
    void on(SpendRequestRejected event) {
        close(event.spendRequestId(), SpendRequestStatus.REJECTED);
    }

    @EventSourcingHandler
    void on(SpendRequestCanceled event) {
        close(event.spendRequestId(), SpendRequestStatus.CANCELED);
    }

    @EventSourcingHandler
    void on(SpendRequestExpired event) {
        close(event.spendRequestId(), SpendRequestStatus.EXPIRED);
    }

    @EventSourcingHandler
    void on(SpendRequestConsumed event) {
        close(event.spendRequestId(), SpendRequestStatus.CONSUMED);
        spendRequestUsedBy.put(event.authorizationId(), event.spendRequestId());
    }

    @EventSourcingHandler
    void on(SpendRequestReleased event) {
        spendRequests.computeIfPresent(event.spendRequestId(),
                (id, request) -> request.withStatus(SpendRequestStatus.APPROVED));
        spendRequestUsedBy.remove(event.authorizationId());
    }

    @EventSourcingHandler
    void on(CardholderRecorded event) {
        cardholders.put(event.cardholderId(), new Cardholder(event.name(), event.type(), event.status(),
                event.pastDue(), event.disabledReason(), event.observedAt()));
    }

    /** A transaction of an authorization counts instead of its hold; Stripe reports what it took as negative. */
    @EventSourcingHandler
    void on(TransactionRecorded event) {
        transactions.put(event.transactionId(), event.type());
        if (event.authorizationId() != null) {
            budget.capture(event.authorizationId(), -event.amount(), event.createdAt());
        }
    }

    @EventSourcingHandler
    void on(DisputeOpened event) {
        disputes.put(event.disputeId(), new Dispute(event.transactionId(), event.status(), event.observedAt()));
    }

    @EventSourcingHandler
    void on(DisputeStatusChanged event) {
        disputes.computeIfPresent(event.disputeId(),
                (id, dispute) -> new Dispute(dispute.transactionId(), event.status(), event.observedAt()));
    }

    @EventSourcingHandler
    void on(CardIssued event) {
        cards.put(event.cardId(), new Card(event.status(), event.observedAt()));
    }

    @EventSourcingHandler
    void on(CardStatusChanged event) {
        cards.put(event.cardId(), new Card(event.status(), event.observedAt()));
    }

    @EventSourcingHandler
    void on(AuthorizationDecided event) {
        answers.put(event.authorizationId(), new AuthorizationAnswer(event.decisionId(), event.approved(),
                event.reason(), event.explanation()));
        if (event.approved()) {
            budget.hold(event.authorizationId(), event.amount(), event.receivedAt());
        }
    }

    /** Stripe's report of the money outranks the decision: the budget counts what Stripe holds or captured. */
    @EventSourcingHandler
    void on(AuthorizationOutcomeRecorded event) {
        outcomes.put(event.authorizationId(), new Outcome(event.status(), event.approved(), event.amount(),
                event.observedAt()));
        budget.hold(event.authorizationId(), event.status().counts(event.approved()) ? event.amount() : 0,
                event.observedAt());
    }

    @EventSourcingHandler
    void on(AuthorizationFallbackAnswered event) {
        answers.put(event.authorizationId(), new AuthorizationAnswer(event.decisionId(), event.approved(),
                AuthorizationReason.FALLBACK, event.approved() ? "approved by the fallback: no decision in time"
                : "declined by the fallback: no decision in time"));
        budget.hold(event.authorizationId(), event.approved() ? event.amount() : 0, event.receivedAt());
    }

    private void close(String spendRequestId, SpendRequestStatus status) {
        spendRequests.computeIfPresent(spendRequestId, (id, request) -> request.withStatus(status));
    }
}
