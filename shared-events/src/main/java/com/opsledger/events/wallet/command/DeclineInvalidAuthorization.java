package com.opsledger.events.wallet.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Declines a real-time authorization request whose values are impossible (checked at the door before any wallet sees
 * it): recorded once, with what was wrong, whatever wallet it named.
 *
 * @param requestId       {@code WalletIds.invalidRequestFor} the request's hash
 * @param authorizationId the id the request claimed, abbreviated to printable text; null when it claimed none
 * @param namedWalletId   the wallet the card's metadata named, if it named one of OpsLedger's shape
 * @param faults          each field at fault and why, as the door found them
 */
public record DeclineInvalidAuthorization(@TargetAggregateIdentifier String requestId, String authorizationId,
                                          String namedWalletId, List<String> faults, Instant receivedAt) {
}
