package com.opsledger.command;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AggregateCachingTest {

    private final Cache cache = new AggregateCaching.HeldAggregateCache(100);

    @Test
    void heldAggregatesSurviveGarbageCollection() {
        for (int i = 0; i < 50; i++) {
            cache.put("aggregate-" + i, new ArrayList<>(List.of("state of " + i)));
        }

        System.gc(); // a weak-reference cache alone would be empty now

        for (int i = 0; i < 50; i++) {
            List<String> state = cache.get("aggregate-" + i);
            assertThat(state).containsExactly("state of " + i);
        }
    }

    @Test
    void removedAndUpdatedEntriesAreGoneFromBothParts() {
        cache.put("a", "first");
        cache.put("b", "other");
        cache.<String>computeIfPresent("a", value -> value + ", then second");
        cache.remove("b");

        System.gc();

        assertThat(cache.<String, String>get("a")).isEqualTo("first, then second");
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.putIfAbsent("a", "ignored")).isFalse();
        assertThat(cache.putIfAbsent("b", "again")).isTrue();
        assertThat(cache.<String, String>get("b")).isEqualTo("again");
    }
}
