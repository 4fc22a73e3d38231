package org.emporium.catalog.application;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * A bounded, least-recently-used cache of product snapshots for one verticle instance (one event
 * loop, so no locking). Entries are dropped when a change is announced, and after a time to live
 * in case an announcement was lost. A snapshot loaded while any change was announced is not kept:
 * it may predate the change. It also remembers which product each looked-up SKU belongs to; such a
 * link is only a hint, checked against the product's snapshot by its reader.
 */
public final class ProductCache {

  private final int maxEntries;
  private final long ttlMillis;
  private final LongSupplier millis;
  private final LinkedHashMap<UUID, Entry> entries;
  private final LinkedHashMap<String, UUID> owners;
  private long epoch;
  private long hits;
  private long misses;

  public ProductCache(int maxEntries, long ttlMillis, LongSupplier millis) {
    this.maxEntries = maxEntries;
    this.ttlMillis = ttlMillis;
    this.millis = millis;
    this.entries = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<UUID, Entry> eldest) {
        return size() > ProductCache.this.maxEntries;
      }
    };
    this.owners = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, UUID> eldest) {
        return size() > 4L * ProductCache.this.maxEntries;
      }
    };
  }

  /** The product each of {@code skus} belonged to when last read, for those remembered. */
  public Map<String, UUID> owners(Collection<String> skus) {
    Map<String, UUID> known = new HashMap<>();
    for (String sku : skus) {
      UUID owner = owners.get(sku);
      if (owner != null) {
        known.put(sku, owner);
      }
    }
    return known;
  }

  /** Remembers what the database said; {@code forgotten} are SKUs it no longer knows. */
  public void putOwners(Map<String, UUID> read, Collection<String> forgotten) {
    owners.putAll(read);
    forgotten.forEach(owners::remove);
  }

  /** Count of announced changes so far; pass it to {@link #put} with what was loaded after reading it. */
  public long epoch() {
    return epoch;
  }

  public JsonObject get(UUID id) {
    Entry entry = entries.get(id);
    if (entry == null || entry.expires < millis.getAsLong()) {
      if (entry != null) {
        entries.remove(id);
      }
      misses++;
      return null;
    }
    hits++;
    return entry.snapshot;
  }

  public void put(JsonObject snapshot, long loadedAtEpoch) {
    if (loadedAtEpoch == epoch) {
      entries.put(UUID.fromString(snapshot.getString("id")), new Entry(snapshot, millis.getAsLong() + ttlMillis));
    }
  }

  /**
   * The JSON bytes of {@code snapshot} when it is the one cached for {@code id}, encoded once per
   * cached snapshot; null otherwise (a view in another currency, or a snapshot no longer cached).
   */
  public Buffer encoded(UUID id, JsonObject snapshot) {
    Entry entry = entries.get(id);
    if (entry == null || entry.snapshot != snapshot) {
      return null;
    }
    if (entry.encoded == null) {
      entry.encoded = snapshot.toBuffer();
    }
    return entry.encoded;
  }

  public void invalidate(Collection<UUID> ids) {
    epoch++;
    ids.forEach(entries::remove);
  }

  public void clear() {
    epoch++;
    entries.clear();
    owners.clear();
  }

  public int size() {
    return entries.size();
  }

  public long hits() {
    return hits;
  }

  public long misses() {
    return misses;
  }

  private static final class Entry {
    private final JsonObject snapshot;
    private final long expires;
    private Buffer encoded;

    private Entry(JsonObject snapshot, long expires) {
      this.snapshot = snapshot;
      this.expires = expires;
    }
  }
}
