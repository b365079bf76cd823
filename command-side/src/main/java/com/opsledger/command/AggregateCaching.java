package com.opsledger.command;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.function.UnaryOperator;

/**
 * Aggregates stay in memory between commands, so a command loads only the events appended since, not the whole
 * stream: a duplicate group fed by a burst of thousands of probes would otherwise be replayed on every member.
 * A stale entry (another node appended) fails its append, is evicted, and {@link CommandSender} tries again on fresh state.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCaching {

    /** The bean name aggregates refer to in {@code @Aggregate(cache = ...)}. */
    public static final String CACHE = "aggregateCache";

    @Bean(CACHE)
    Cache aggregateCache(@Value("${opsledger.aggregate-cache.size:10000}") int size) {
        return new HeldAggregateCache(size);
    }

    /**
     * Axon's weak-reference cache, with up to {@code size} of the most used aggregates also held strongly. Weakly
     * held alone, every entry was gone after each young collection (about one a second under load), so nearly every
     * command replayed its aggregate from the event store (bench/README.md, tuning log). Aggregates beyond the bound
     * stay as long as the collector leaves them.
     */
    static final class HeldAggregateCache implements Cache {

        private final WeakReferenceCache entries = new WeakReferenceCache();
        private final com.github.benmanes.caffeine.cache.Cache<Object, Object> held;

        HeldAggregateCache(int size) {
            this.held = com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(size).build();
        }

        @Override
        public <K, V> V get(K key) {
            V value = entries.get(key);
            if (value != null && held.getIfPresent(key) != value) {
                held.put(key, value);
            }
            return value;
        }

        @Override
        public void put(Object key, Object value) {
            entries.put(key, value);
            held.put(key, value);
        }

        @Override
        public boolean putIfAbsent(Object key, Object value) {
            boolean added = entries.putIfAbsent(key, value);
            if (added) {
                held.put(key, value);
            }
            return added;
        }

        @Override
        public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
            entries.computeIfPresent(key, update);
            Object updated = entries.get(key);
            if (updated == null) {
                held.invalidate(key);
            } else {
                held.put(key, updated);
            }
        }

        @Override
        public boolean remove(Object key) {
            held.invalidate(key);
            return entries.remove(key);
        }

        @Override
        public void removeAll() {
            held.invalidateAll();
            entries.removeAll();
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public Registration registerCacheEntryListener(EntryListener listener) {
            return entries.registerCacheEntryListener(listener);
        }
    }
}
