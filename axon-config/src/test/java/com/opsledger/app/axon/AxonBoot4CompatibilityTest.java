package com.opsledger.app.axon;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration;
import org.axonframework.springboot.autoconfig.TransactionAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The trap itself, with just the auto-configurations involved: sorted by Boot 4's sorter, Axon's JDBC and transaction
 * auto-configurations come before Boot's DataSource ones unless {@link AxonBoot4Compatibility} orders them.
 */
class AxonBoot4CompatibilityTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:1/never-connected")
            .withUserConfiguration(AxonBasics.class);

    @Test
    void withoutTheFixAxonFallsBackToNoTransactionsAndNoJdbcTokenStore() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, JdbcAutoConfiguration.class,
                        TransactionAutoConfiguration.class, NoOpTransactionAutoConfiguration.class))
                .run(context -> {
                    assertThat(context.getBean(TransactionManager.class)).isInstanceOf(NoTransactionManager.class);
                    assertThat(context).doesNotHaveBean(TokenStore.class);
                });
    }

    @Test
    void withTheFixAxonUsesSpringTransactionsAndTheJdbcTokenStore() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, JdbcAutoConfiguration.class,
                        TransactionAutoConfiguration.class, NoOpTransactionAutoConfiguration.class,
                        AxonBoot4Compatibility.class))
                .run(context -> {
                    assertThat(context.getBean(TransactionManager.class)).isInstanceOf(SpringTransactionManager.class);
                    assertThat(context).hasSingleBean(TokenStore.class);
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class AxonBasics {
        @Bean
        @Primary
        Serializer serializer() {
            return Jackson3Serializer.builder().build();
        }

        @Bean
        Serializer eventSerializer() {
            return Jackson3Serializer.builder().build();
        }

        /** As in the application, the storage engine is our own; the token store is Axon's. */
        @Bean
        EventStorageEngine eventStorageEngine() {
            return new InMemoryEventStorageEngine();
        }

        @Bean
        EventProcessorProperties eventProcessorProperties() {
            return new EventProcessorProperties();
        }
    }
}
