package org.vigil.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

    @Test
    void forgetsTheLeastRecentlyUsedAggregateWhenFull() {
        // given
        BoundedAggregateCache cache = new BoundedAggregateCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("session-a", "A");
        cache.put("session-b", "B");
        cache.get("session-a");

        // when
        cache.put("session-c", "C");

        // then
        assertThat(cache.containsKey("session-a")).isTrue();
        assertThat(cache.containsKey("session-b")).isFalse();
        assertThat(cache.containsKey("session-c")).isTrue();
        assertThat(expired).containsExactly("session-b");
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void keepsWhatItHoldsWhateverTheCollectorDoes() {
        // given
        BoundedAggregateCache cache = new BoundedAggregateCache(10);
        cache.put("session-a", new Object());

        // when
        System.gc();

        // then
        Object cached = cache.get("session-a");
        assertThat(cached).isNotNull();
    }

    @Test
    void putsOnlyWhenAbsentAndUpdatesOnlyWhenPresent() {
        // given
        BoundedAggregateCache cache = new BoundedAggregateCache(10);

        // when
        boolean first = cache.putIfAbsent("k", "one");
        boolean second = cache.putIfAbsent("k", "two");
        cache.<String>computeIfPresent("k", v -> v + "!");
        cache.<String>computeIfPresent("missing", v -> v + "!");

        // then
        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat((String) cache.get("k")).isEqualTo("one!");
        assertThat(cache.containsKey("missing")).isFalse();
        assertThat(cache.remove("k")).isTrue();
        assertThat(cache.remove("k")).isFalse();
    }
}
