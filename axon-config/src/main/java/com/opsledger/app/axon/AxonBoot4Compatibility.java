package com.opsledger.app.axon;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * Puts Axon 4.13's auto-configuration back in order under Spring Boot 4.
 *
 * <p>Axon orders its JDBC and transaction auto-configurations after Spring Boot 3's class names
 * ({@code org.springframework.boot.autoconfigure.jdbc.*}), which Boot 4 moved to
 * {@code org.springframework.boot.jdbc.autoconfigure}. Unordered, Axon evaluates its conditions before the
 * DataSource and the PlatformTransactionManager exist: the JDBC event store and token store are skipped (startup
 * fails with "Default configuration requires the use of event sourcing") and Axon silently falls back to a no-op
 * transaction manager. Ordering this empty configuration between the two, which the auto-configuration sorter
 * applies transitively, restores Axon's intended order. {@code AxonWiringIT} asserts the outcome.
 */
@AutoConfiguration(
        afterName = {
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration"},
        beforeName = {
                "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
                "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration"})
public class AxonBoot4Compatibility {
}
