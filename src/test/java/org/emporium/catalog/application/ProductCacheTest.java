package org.emporium.catalog.application;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProductCacheTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final ProductCache cache = new ProductCache(2, 500, now::get);

  private static JsonObject snapshot(UUID id, long version) {
    return new JsonObject().put("id", id.toString()).put("version", version);
  }

  @Test
  void keepsTheMostRecentlyUsedWithinItsBound() {
    UUID a = UUID.randomUUID();
    UUID b = UUID.randomUUID();
    UUID c = UUID.randomUUID();
    cache.put(snapshot(a, 1), cache.epoch());
    cache.put(snapshot(b, 1), cache.epoch());
    assertThat(cache.get(a)).isNotNull();
    cache.put(snapshot(c, 1), cache.epoch());
    assertThat(cache.get(b)).isNull();
    assertThat(cache.get(a)).isNotNull();
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void theCachedSnapshotIsEncodedOnceAndOnlyWhileItIsTheCachedOne() {
    UUID a = UUID.randomUUID();
    JsonObject cached = snapshot(a, 1);
    cache.put(cached, cache.epoch());
    io.vertx.core.buffer.Buffer first = cache.encoded(a, cached);
    assertThat(new JsonObject(first)).isEqualTo(cached);
    assertThat(cache.encoded(a, cached)).isSameAs(first);
    assertThat(cache.encoded(a, cached.copy())).as("an equal object that is not the cached one").isNull();
    cache.invalidate(List.of(a));
    assertThat(cache.encoded(a, cached)).isNull();
  }

  @Test
  void aSnapshotLoadedBeforeAnAnnouncedChangeIsNotKept() {
    UUID a = UUID.randomUUID();
    long loadStarted = cache.epoch();
    cache.invalidate(List.of(a));
    cache.put(snapshot(a, 1), loadStarted);
    assertThat(cache.get(a)).isNull();
    cache.put(snapshot(a, 2), cache.epoch());
    assertThat(cache.get(a).getLong("version")).isEqualTo(2L);
    cache.invalidate(List.of(a));
    assertThat(cache.get(a)).isNull();
  }

  @Test
  void entriesExpireAfterTheirTimeToLiveAndClearDropsAll() {
    UUID a = UUID.randomUUID();
    cache.put(snapshot(a, 1), cache.epoch());
    now.addAndGet(501);
    assertThat(cache.get(a)).isNull();
    cache.put(snapshot(a, 1), cache.epoch());
    cache.clear();
    assertThat(cache.get(a)).isNull();
    assertThat(cache.misses()).isEqualTo(2);
  }
}
