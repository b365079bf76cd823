package com.opsledger.command.wallet;

import com.opsledger.events.InvalidInput;
import com.opsledger.events.wallet.SpendPolicy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A spend policy as the platform and operators send it; {@link #toPolicy()} checks what spans several fields. */
record SpendPolicyInput(@NotNull @Min(0) @Max(SpendPolicy.MAX_AMOUNT) Long perAuthorizationLimit,
                        @NotNull @Min(0) @Max(SpendPolicy.MAX_AMOUNT) Long dailyLimit,
                        @NotNull @Min(0) @Max(SpendPolicy.MAX_AMOUNT) Long monthlyLimit,
                        @Size(max = SpendPolicy.MAX_CATEGORIES) List<@NotNull @Pattern(regexp = CATEGORY) String>
                                allowedCategories,
                        @Size(max = SpendPolicy.MAX_CATEGORIES) List<@NotNull @Pattern(regexp = CATEGORY) String>
                                blockedCategories,
                        @NotNull @Min(0) @Max(SpendPolicy.MAX_AMOUNT) Long approvalThreshold,
                        @NotNull @Min(0) @Max(SpendPolicy.MAX_AMOUNT) Long dualControlThreshold) {

    /** A Stripe merchant category name, such as {@code computer_software_stores}. */
    static final String CATEGORY = "[a-z0-9_]{1,100}";

    SpendPolicy toPolicy() {
        if (perAuthorizationLimit > dailyLimit) {
            throw new InvalidInput("policy.perAuthorizationLimit", "must not be above the daily limit");
        }
        if (dailyLimit > monthlyLimit) {
            throw new InvalidInput("policy.dailyLimit", "must not be above the monthly limit");
        }
        List<String> allowed = allowedCategories == null ? List.of() : allowedCategories;
        List<String> blocked = blockedCategories == null ? List.of() : blockedCategories;
        Set<String> seen = new HashSet<>();
        for (String category : allowed) {
            if (!seen.add(category)) {
                throw new InvalidInput("policy.allowedCategories", "lists " + category + " twice");
            }
        }
        Set<String> blockedSeen = new HashSet<>();
        for (String category : blocked) {
            if (!blockedSeen.add(category)) {
                throw new InvalidInput("policy.blockedCategories", "lists " + category + " twice");
            }
            if (seen.contains(category)) {
                throw new InvalidInput("policy.blockedCategories", category + " is also among the allowed categories");
            }
        }
        return new SpendPolicy(perAuthorizationLimit, dailyLimit, monthlyLimit, allowed, blocked, approvalThreshold,
                dualControlThreshold);
    }
}
