package org.emporium.pricing.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import org.emporium.pricing.domain.Promotion;
import org.emporium.pricing.domain.PromotionDefinition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The promotions of coupon codes as quotes and coupon checks read them: remembered for {@code ttlNanos}
 * (codes that have no promotion too), the least recently read forgotten beyond {@code maxEntries}.
 * A quote may therefore see a change, or a usage count, up to that long late; redemption checks every
 * limit in PostgreSQL, so a stale read never lets a coupon be used beyond its limits. Everything else,
 * and the writes, go straight to the store. One instance per event loop: not thread-safe.
 */
public final class CachedPromotions implements Promotions {

  private record Entry(Promotion promotion, long readAt) {
  }

  private final Promotions store;
  private final long ttlNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Entry> byCode;

  public CachedPromotions(Promotions store, long ttlNanos, int maxEntries, LongSupplier nanoTime) {
    this.store = store;
    this.ttlNanos = ttlNanos;
    this.nanoTime = nanoTime;
    this.byCode = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > maxEntries;
      }
    };
  }

  /** Forgets everything (a promotion was changed somewhere in the cluster). */
  public void clear() {
    byCode.clear();
  }

  @Override
  public Future<Map<String, Promotion>> byCodes(SqlClient client, Collection<String> codes) {
    long now = nanoTime.getAsLong();
    Map<String, Promotion> found = new HashMap<>();
    List<String> missing = new ArrayList<>();
    for (String code : codes) {
      Entry entry = byCode.get(code);
      if (entry == null || now - entry.readAt() >= ttlNanos) {
        missing.add(code);
      } else if (entry.promotion() != null) {
        found.put(code, entry.promotion());
      }
    }
    if (missing.isEmpty()) {
      return Future.succeededFuture(found);
    }
    return store.byCodes(client, missing).map(read -> {
      for (String code : missing) {
        Promotion promotion = read.get(code);
        byCode.put(code, new Entry(promotion, now));
        if (promotion != null) {
          found.put(code, promotion);
        }
      }
      return found;
    });
  }

  @Override
  public Future<Optional<Promotion>> find(SqlClient client, UUID id) {
    return store.find(client, id);
  }

  @Override
  public Future<List<Promotion>> page(SqlClient client, UUID after, int limit) {
    return store.page(client, after, limit);
  }

  @Override
  public Future<List<String>> taken(SqlClient client, Collection<String> codes, UUID owner) {
    return store.taken(client, codes, owner);
  }

  @Override
  public Future<Promotion> insert(SqlClient client, UUID id, PromotionDefinition definition, Instant now) {
    return store.insert(client, id, definition, now);
  }

  @Override
  public Future<Optional<Promotion>> replace(SqlClient client, UUID id, PromotionDefinition definition, Instant now) {
    return store.replace(client, id, definition, now);
  }

  @Override
  public Future<Optional<Promotion>> deactivate(SqlClient client, UUID id, Instant now) {
    return store.deactivate(client, id, now);
  }

  @Override
  public Future<Void> setCodes(SqlClient client, UUID id, List<String> codes) {
    return store.setCodes(client, id, codes);
  }
}
