package com.opsledger.query.connector;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Connector gauges for Prometheus, read from the read models: {@code opsledger_connector_queue_depth} (deliveries not
 * yet delivered, failed or skipped, over every connection) and {@code opsledger_connector_endpoints_disabled}. Each
 * is counted at most every {@link #FRESH} however often it is scraped. (Attempts by outcome and their durations are
 * counted by the command side's dispatcher: {@code opsledger_connector_attempts_total}, {@code
 * opsledger_connector_attempt_duration_seconds}, {@code opsledger_connector_delivery_latency_seconds}.)
 */
@Component
class ConnectorMetrics {

    static final Duration FRESH = Duration.ofSeconds(10);
    private static final String QUEUED = "SELECT count(*) FROM " + ConnectorEventProjection.TABLE
            + " WHERE status IN ('attempting', 'retry_scheduled', 'held')";
    private static final String DISABLED = "SELECT count(*) FROM " + ConnectionProjection.TABLE
            + " WHERE disabled_cause IS NOT NULL";

    ConnectorMetrics(JdbcClient jdbc, MeterRegistry registry) {
        Gauge.builder("opsledger.connector.queue.depth", cached(() -> count(jdbc, QUEUED)), Supplier::get)
                .description("Connector deliveries waiting for their workers: attempting, retry scheduled or held")
                .baseUnit("deliveries").register(registry);
        Gauge.builder("opsledger.connector.endpoints.disabled", cached(() -> count(jdbc, DISABLED)), Supplier::get)
                .description("Connections whose endpoint is disabled (410, or failing for disable-after)")
                .baseUnit("endpoints").register(registry);
    }

    private static double count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** The value, counted again once it is older than {@link #FRESH}. */
    private static Supplier<Double> cached(Supplier<Double> count) {
        AtomicLong countedAt = new AtomicLong(Long.MIN_VALUE);
        double[] value = {Double.NaN};
        return () -> {
            long now = System.nanoTime();
            synchronized (value) {
                if (countedAt.get() == Long.MIN_VALUE || now - countedAt.get() > FRESH.toNanos()) {
                    value[0] = count.get();
                    countedAt.set(now);
                }
                return value[0];
            }
        };
    }
}
