package com.opsledger.app;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Guards the Boot 4 compatibility fix: Axon runs on the JDBC store, JDBC tokens and Spring's transactions. */
class AxonWiringTest extends IntegrationTest {

    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    TransactionManager axonTransactionManager;
    @Autowired
    Serializer serializer;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;
    @Autowired
    @Qualifier("messageSerializer")
    Serializer messageSerializer;
    @Autowired
    JdbcClient jdbc;

    @Test
    void axonUsesTheJdbcEventStoreTheJdbcTokenStoreAndSpringTransactions() {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(axonTransactionManager).isInstanceOf(SpringTransactionManager.class);
    }

    @Test
    void eventsMessagesAndTokensAreSerializedWithJackson() {
        assertThat(serializer).isInstanceOf(Jackson3Serializer.class);
        assertThat(eventSerializer).isInstanceOf(Jackson3Serializer.class);
        assertThat(messageSerializer).isInstanceOf(Jackson3Serializer.class);
    }

    @Test
    void flywayCreatedAxonsTablesAndTheReadModelSchema() {
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Integer.class).single())
                .isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT to_regclass('public.domain_event_entry') IS NOT NULL "
                + "AND to_regclass('public.token_entry') IS NOT NULL "
                + "AND to_regclass('read_model.feedback_v1') IS NOT NULL").query(Boolean.class).single()).isTrue();
    }
}
