package com.opsledger.events.wallet;

import org.axonframework.modelling.command.AggregateNotFoundException;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The ids of wallets ({@value #WALLET}…, one per agent), of spend requests ({@value #SPEND_REQUEST}…, one per
 * platform request id within its wallet) and of authorization decisions ({@value #DECISION}…, one per Stripe
 * authorization). All are derived from the ids they stand for, so a retried call names the same thing.
 */
public final class WalletIds {

    public static final String WALLET = "wlt-";
    public static final String SPEND_REQUEST = "spr-";
    public static final String DECISION = "dec-";

    private WalletIds() {
    }

    public static String forAgent(String agentId) {
        return WALLET + uuid("wallet:" + agentId);
    }

    public static String spendRequestFor(String walletId, String requestId) {
        return SPEND_REQUEST + uuid("spend-request:" + walletId + ":" + requestId);
    }

    /** One decision per Stripe authorization: a repeated request names the same decision. */
    public static String decisionFor(String authorizationId) {
        return DECISION + uuid("decision:" + authorizationId);
    }

    /**
     * An authorization request refused for its impossible values, by a hash of the request as Stripe sent it: its id
     * may be missing or malformed, and Stripe's retry of the same request names the same record.
     */
    public static String invalidRequestFor(String requestHash) {
        return "iar-" + uuid("invalid-authorization-request:" + requestHash);
    }

    public static boolean isWallet(String id) {
        return id.startsWith(WALLET);
    }

    /** Refuses an id of another kind: every kind of aggregate shares the event store, and that one is no wallet. */
    public static void requireWallet(String id) {
        if (!isWallet(id)) {
            throw new AggregateNotFoundException(id, "no such wallet");
        }
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
