package org.emporium.pricing.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.emporium.pricing.domain.Promotion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The promotions of coupon codes as quotes and coupon checks read them: remembered for {@code ttlNanos}
 * (codes that have no promotion too), the least recently read forgotten beyond {@code maxEntries}.
 * A quote may therefore see a change, or a usage count, up to that long late; redemption checks every
 * limit in PostgreSQL, so a stale read never lets a coupon be used beyond its limits. Everything else,
 * and the writes, go straight to the store. One instance per event loop: not thread-safe.
 *
 * <p>Under load an expiry must not turn into a read per quote: a code is read by one query at a time
 * (callers that need it meanwhile share that read), and an entry past its time is still answered for
 * up to {@code staleNanos} more while one query refreshes it in the background (only through a pool:
 * a caller's own connection is never used after its call). {@link #clear()} drops the entries and
 * makes reads under way not store what they return.
 */
public final class CachedPromotions extends ForwardingPromotions {

  private record Entry(Promotion promotion, long readAt) {
  }

  private final long ttlNanos;
  private final long staleNanos;
  private final LongSupplier nanoTime;
  private final Map<String, Entry> byCode;
  private final Map<String, Future<Map<String, Promotion>>> reading = new HashMap<>();
  private long generation;

  public CachedPromotions(Promotions store, long ttlNanos, long staleNanos, int maxEntries, LongSupplier nanoTime) {
    super(store);
    this.ttlNanos = ttlNanos;
    this.staleNanos = staleNanos;
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
    reading.clear();
    generation++;
  }

  @Override
  public Future<Map<String, Promotion>> byCodes(SqlClient client, Collection<String> codes) {
    long now = nanoTime.getAsLong();
    Map<String, Promotion> found = new HashMap<>();
    List<String> refresh = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    Map<String, Future<Map<String, Promotion>>> waits = new HashMap<>();
    for (String code : codes) {
      Entry entry = byCode.get(code);
      long age = entry == null ? Long.MAX_VALUE : now - entry.readAt();
      if (age < ttlNanos || ttlNanos > 0 && age < ttlNanos + staleNanos && client instanceof Pool) {
        if (entry.promotion() != null) {
          found.put(code, entry.promotion());
        }
        if (age >= ttlNanos && !reading.containsKey(code)) {
          refresh.add(code);
        }
      } else if (reading.containsKey(code)) {
        waits.put(code, reading.get(code));
      } else {
        missing.add(code);
      }
    }
    if (!refresh.isEmpty()) {
      read(client, refresh); // answered from the entries above; its failure leaves them as they are
    }
    if (!missing.isEmpty()) {
      Future<Map<String, Promotion>> read = read(client, missing);
      missing.forEach(code -> waits.put(code, read));
    }
    if (waits.isEmpty()) {
      return Future.succeededFuture(found);
    }
    return Future.all(new ArrayList<>(new HashSet<>(waits.values()))).map(all -> {
      waits.forEach((code, read) -> {
        Promotion promotion = read.result().get(code);
        if (promotion != null) {
          found.put(code, promotion);
        }
      });
      return found;
    });
  }

  /** One query for {@code codes}, shared by the callers that need them until it ends. */
  private Future<Map<String, Promotion>> read(SqlClient client, List<String> codes) {
    long started = nanoTime.getAsLong();
    long readFor = generation;
    Future<Map<String, Promotion>> read = store.byCodes(client, codes);
    codes.forEach(code -> reading.put(code, read));
    return read.onComplete(done -> {
      for (String code : codes) {
        if (reading.get(code) == read) {
          reading.remove(code);
        }
        if (done.succeeded() && readFor == generation) {
          byCode.put(code, new Entry(done.result().get(code), started));
        }
      }
    });
  }
}
