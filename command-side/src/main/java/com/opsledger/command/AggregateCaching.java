package com.opsledger.command;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Aggregates stay in memory between commands, so a command loads only the events appended since, not the whole
 * stream: a duplicate group fed by a burst of thousands of probes would otherwise be replayed on every member.
 * Entries the garbage collector needs are dropped and simply reloaded; a stale entry (another node appended)
 * fails its append, is evicted, and {@link Commands} tries again on fresh state.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCaching {

    /** The bean name aggregates refer to in {@code @Aggregate(cache = ...)}. */
    public static final String CACHE = "aggregateCache";

    @Bean(CACHE)
    Cache aggregateCache() {
        return new WeakReferenceCache();
    }
}
