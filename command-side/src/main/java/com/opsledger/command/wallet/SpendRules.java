package com.opsledger.command.wallet;

import com.opsledger.events.wallet.SpendPolicy;

import java.util.Optional;

/**
 * The spend policy's rules for spend requests, as pure functions the {@link Wallet} calls: how many approvals a
 * request needs, and whether the policy could ever let it be used.
 */
final class SpendRules {

    private SpendRules() {
    }

    /** Two different operators above the dual-control threshold, one otherwise. */
    static int approvalsRequired(SpendPolicy policy, long amount) {
        return amount > policy.dualControlThreshold() ? 2 : 1;
    }

    /** Why the policy would decline any authorization in {@code category}; empty when it allows it. */
    static Optional<String> categoryRefusal(SpendPolicy policy, String category) {
        if (category == null) {
            return Optional.empty();
        }
        if (policy.blockedCategories().contains(category)) {
            return Optional.of("merchant category " + category + " is blocked by the wallet's policy");
        }
        if (!policy.allowedCategories().isEmpty() && !policy.allowedCategories().contains(category)) {
            return Optional.of("merchant category " + category + " is not among the wallet's allowed categories");
        }
        return Optional.empty();
    }

    /** Why no authorization of {@code amount} could pass the per-authorization limit; empty when one could. */
    static Optional<String> amountRefusal(SpendPolicy policy, long amount) {
        if (amount > policy.perAuthorizationLimit()) {
            return Optional.of("amount " + amount + " is over the wallet's per-authorization limit of "
                    + policy.perAuthorizationLimit() + " by " + (amount - policy.perAuthorizationLimit()));
        }
        return Optional.empty();
    }
}
