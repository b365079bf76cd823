package com.opsledger.events.wallet;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The ids of wallets ({@value #WALLET}…, one per agent) and of spend requests ({@value #SPEND_REQUEST}…, one per
 * platform request id within its wallet). Both are derived from the platform's ids, so a retried call names the same
 * thing.
 */
public final class WalletIds {

    public static final String WALLET = "wlt-";
    public static final String SPEND_REQUEST = "spr-";

    private WalletIds() {
    }

    public static String forAgent(String agentId) {
        return WALLET + uuid("wallet:" + agentId);
    }

    public static String spendRequestFor(String walletId, String requestId) {
        return SPEND_REQUEST + uuid("spend-request:" + walletId + ":" + requestId);
    }

    public static boolean isWallet(String id) {
        return id.startsWith(WALLET);
    }

    private static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
