package com.opsledger.command.wallet;

import com.opsledger.events.wallet.AuthorizationReason;

/** What OpsLedger answers Stripe for one authorization request, as recorded (the first time) by the wallet. */
public record AuthorizationAnswer(String decisionId, boolean approved, AuthorizationReason reason, String explanation) {
}
