package com.opsledger.command.wallet.stripe;

import com.opsledger.events.EventStoreSql;
import com.opsledger.events.wallet.event.CardIssued;
import com.opsledger.events.wallet.event.TransactionRecorded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Which wallet holds a Stripe card or transaction, for Stripe objects that name them by id only (a transaction names
 * its card, a dispute its transaction). Read from the event store itself, by the partial indexes of migration V15,
 * so the answer is never behind: the event that made a card the wallet's is committed before Stripe can report on it.
 */
@Component
class WalletDirectory {

    private static final String WALLET_OF_CARD = "SELECT aggregate_identifier FROM " + EventStoreSql.EVENTS
            + " WHERE payload_type = '" + CardIssued.class.getName() + "' AND (payload::jsonb ->> 'cardId') = :id"
            + " LIMIT 1";
    private static final String WALLET_OF_TRANSACTION = "SELECT aggregate_identifier FROM " + EventStoreSql.EVENTS
            + " WHERE payload_type = '" + TransactionRecorded.class.getName() + "'"
            + " AND (payload::jsonb ->> 'transactionId') = :id LIMIT 1";

    private final JdbcClient jdbc;

    WalletDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> walletOfCard(String cardId) {
        return jdbc.sql(WALLET_OF_CARD).param("id", cardId).query(String.class).optional();
    }

    Optional<String> walletOfTransaction(String transactionId) {
        return jdbc.sql(WALLET_OF_TRANSACTION).param("id", transactionId).query(String.class).optional();
    }
}
