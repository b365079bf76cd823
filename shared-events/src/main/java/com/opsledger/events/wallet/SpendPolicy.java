package com.opsledger.events.wallet;

import java.util.List;

/**
 * What a wallet's agent may spend, in the wallet's currency (minor units).
 *
 * @param perAuthorizationLimit the most one authorization may be for
 * @param dailyLimit            the most all authorizations of one UTC day may add up to, pending holds included
 * @param monthlyLimit          the same for one UTC calendar month
 * @param allowedCategories     Stripe merchant category names; empty allows every category not blocked
 * @param blockedCategories     Stripe merchant category names never allowed (a block wins over an allow)
 * @param approvalThreshold     an authorization above this amount needs an approved spend request
 * @param dualControlThreshold  a spend request above this amount needs two different operators' approval
 */
public record SpendPolicy(long perAuthorizationLimit, long dailyLimit, long monthlyLimit,
                          List<String> allowedCategories, List<String> blockedCategories, long approvalThreshold,
                          long dualControlThreshold) {

    /** The largest amount anything in a wallet may be, in minor units: Stripe's own cap (eight digits). */
    public static final long MAX_AMOUNT = 99_999_999L;
    public static final int MAX_CATEGORIES = 400;

    public SpendPolicy {
        allowedCategories = List.copyOf(allowedCategories);
        blockedCategories = List.copyOf(blockedCategories);
    }
}
