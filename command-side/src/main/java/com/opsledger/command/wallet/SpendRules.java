package com.opsledger.command.wallet;

import com.opsledger.events.wallet.AuthorizationReason;
import com.opsledger.events.wallet.CardStatus;
import com.opsledger.events.wallet.SpendPolicy;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules of a wallet's spend policy, as pure functions the {@link Wallet} calls: how many approvals a spend request
 * needs, whether the policy could ever let a request be used, and OpsLedger's answer to one of Stripe's real-time
 * authorization requests, from the card, the policy, what the wallet has spent and the spend requests it may use.
 * The authorization rules, in the order they are tried (the first that declines gives the reason):
 * <ol>
 *   <li>the card is active (not frozen, not canceled);</li>
 *   <li>the authorization is in the wallet's currency;</li>
 *   <li>the merchant category is not blocked and, where the policy lists allowed ones, is among them;</li>
 *   <li>the amount is within the per-authorization limit;</li>
 *   <li>the amount fits what is left of the daily and the monthly limit (UTC day and month; holds of pending
 *       authorizations count as spent);</li>
 *   <li>above the approval threshold, an approved spend request covers it: unexpired, for at least the amount, at this
 *       merchant (same name, case and outer spaces aside) or in this category, whichever it names. Of several, the one
 *       that expires first is used, then the smallest.</li>
 * </ol>
 * A spend request only lifts the approval threshold; it never overrides the limits or the categories.
 */
final class SpendRules {

    /** What Stripe asks to authorize: {@code amount} in minor units of {@code currency}. */
    record Request(long amount, String currency, String merchantName, String category, Instant at) {
    }

    /** What the wallet has spent in the request's UTC day and month, holds of pending authorizations included. */
    record Spent(long today, long thisMonth) {
    }

    /** An approved spend request not used yet. */
    record Approved(String spendRequestId, long amount, String merchantName, String category, Instant expiresAt) {
    }

    /** The answer; {@code spendRequestId} names the spend request it uses, if any. */
    record Decision(AuthorizationReason reason, String explanation, String spendRequestId) {
        boolean approved() {
            return reason.approves();
        }
    }

    private static final Comparator<Approved> FIRST_TO_USE = Comparator.comparing(Approved::expiresAt)
            .thenComparingLong(Approved::amount).thenComparing(Approved::spendRequestId);

    private SpendRules() {
    }

    /** Two different operators above the dual-control threshold, one otherwise. */
    static int approvalsRequired(SpendPolicy policy, long amount) {
        return amount > policy.dualControlThreshold() ? 2 : 1;
    }

    /** Why the policy declines every authorization in {@code category}; empty when it allows it (or none is known). */
    static Optional<Decision> categoryDecline(SpendPolicy policy, String category) {
        if (category != null && policy.blockedCategories().contains(category)) {
            return Optional.of(declined(AuthorizationReason.CATEGORY_BLOCKED,
                    "merchant category " + category + " is blocked by the wallet's policy"));
        }
        if (!policy.allowedCategories().isEmpty()
                && (category == null || !policy.allowedCategories().contains(category))) {
            return Optional.of(declined(AuthorizationReason.CATEGORY_NOT_ALLOWED,
                    "merchant category " + category + " is not among the wallet's allowed categories"));
        }
        return Optional.empty();
    }

    /** Why the policy declines every authorization of {@code amount}; empty when it is within the limit. */
    static Optional<Decision> amountDecline(SpendPolicy policy, long amount) {
        return amount > policy.perAuthorizationLimit()
                ? Optional.of(declined(AuthorizationReason.OVER_AUTHORIZATION_LIMIT, "amount " + amount + " is "
                        + over("wallet's per-authorization limit", policy.perAuthorizationLimit(), amount)))
                : Optional.empty();
    }

    static Decision decide(CardStatus card, String walletCurrency, SpendPolicy policy, Spent spent,
                           List<Approved> approved, Request request) {
        if (request.amount() < 0) {
            // The door refuses these (StripeEventCheck); the rule holds whatever reaches it.
            return declined(AuthorizationReason.INVALID_REQUEST, "the amount " + request.amount()
                    + " is negative: an authorization never adds to the budget");
        }
        if (card == CardStatus.CANCELED) {
            return declined(AuthorizationReason.CARD_CANCELED, "the card is canceled");
        }
        if (card == CardStatus.INACTIVE) {
            return declined(AuthorizationReason.CARD_INACTIVE, "the card is frozen (inactive)");
        }
        if (!walletCurrency.equals(request.currency())) {
            return declined(AuthorizationReason.CURRENCY_MISMATCH,
                    "the authorization is in " + request.currency() + "; the wallet spends " + walletCurrency);
        }
        Optional<Decision> declined = categoryDecline(policy, request.category())
                .or(() -> amountDecline(policy, request.amount()));
        if (declined.isPresent()) {
            return declined.get();
        }
        long amount = request.amount();
        if (spent.today() + amount > policy.dailyLimit()) {
            return declined(AuthorizationReason.OVER_DAILY_LIMIT, "amount " + amount + " is " + over("daily limit",
                    policy.dailyLimit(), spent.today() + amount) + " (" + spent.today() + " spent today)");
        }
        if (spent.thisMonth() + amount > policy.monthlyLimit()) {
            return declined(AuthorizationReason.OVER_MONTHLY_LIMIT, "amount " + amount + " is " + over("monthly limit",
                    policy.monthlyLimit(), spent.thisMonth() + amount) + " (" + spent.thisMonth()
                    + " spent this month)");
        }
        if (amount <= policy.approvalThreshold()) {
            return new Decision(AuthorizationReason.WITHIN_POLICY, "within the wallet's policy", null);
        }
        Optional<Approved> covering = approved.stream().filter(a -> covers(a, request)).min(FIRST_TO_USE);
        return covering.map(a -> new Decision(AuthorizationReason.COVERED_BY_SPEND_REQUEST,
                        "covered by approved spend request " + a.spendRequestId(), a.spendRequestId()))
                .orElseGet(() -> declined(AuthorizationReason.NEEDS_SPEND_REQUEST, "amount " + amount
                        + " is above the approval threshold of " + policy.approvalThreshold()
                        + " and no approved spend request covers it"));
    }

    private static boolean covers(Approved a, Request request) {
        return request.at().isBefore(a.expiresAt()) && a.amount() >= request.amount()
                && (a.merchantName() == null || sameMerchant(a.merchantName(), request.merchantName()))
                && (a.category() == null || a.category().equals(request.category()));
    }

    private static boolean sameMerchant(String asked, String actual) {
        return actual != null && asked.strip().toLowerCase(Locale.ROOT).equals(actual.strip().toLowerCase(Locale.ROOT));
    }

    private static String over(String limit, long value, long total) {
        return "over the " + limit + " of " + value + " by " + (total - value);
    }

    private static Decision declined(AuthorizationReason reason, String explanation) {
        return new Decision(reason, explanation, null);
    }
}
