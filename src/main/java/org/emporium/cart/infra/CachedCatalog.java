package org.emporium.cart.infra;

import io.vertx.core.Future;
import org.emporium.cart.application.Catalog;
import org.emporium.cart.domain.CatalogItem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The catalog's answers for one verticle instance (its event loop only), by SKU and currency, for
 * at most {@code ttlMs}. Emptied per product when the catalog announces a change
 * ({@code catalog.productsChanged}) and wholly when exchange rates change: an add-to-cart then pays
 * no catalog round trip for a SKU just asked about, and its snapshot is never staler than the
 * catalog's own cache. An answer that was in flight while a change came in is not kept.
 */
public final class CachedCatalog implements Catalog {

  private record Entry(CatalogItem item, long expiresAt) {
  }

  private final Catalog catalog;
  private final long ttlMs;
  private final LongSupplier clock;
  private final Map<String, Entry> entries;
  private long generation;

  public CachedCatalog(Catalog catalog, int maxEntries, long ttlMs, LongSupplier clock) {
    this.catalog = catalog;
    this.ttlMs = ttlMs;
    this.clock = clock;
    this.entries = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        return size() > maxEntries;
      }
    };
  }

  @Override
  public Future<Map<String, CatalogItem>> lookup(Collection<String> skus, String currency) {
    long now = clock.getAsLong();
    Map<String, CatalogItem> known = new HashMap<>();
    List<String> unknown = new ArrayList<>();
    for (String sku : skus) {
      Entry entry = entries.get(sku + "|" + currency);
      if (entry != null && entry.expiresAt() > now) {
        known.put(sku, entry.item());
      } else {
        unknown.add(sku);
      }
    }
    if (unknown.isEmpty()) {
      return Future.succeededFuture(known);
    }
    long asked = generation;
    return catalog.lookup(unknown, currency).map(found -> {
      if (asked == generation) {
        found.forEach((sku, item) -> entries.put(sku + "|" + currency, new Entry(item, now + ttlMs)));
      }
      known.putAll(found);
      return known;
    });
  }

  /** Forgets what the catalog said about these products. */
  public void forget(Collection<UUID> productIds) {
    generation++;
    Set<UUID> ids = Set.copyOf(productIds);
    entries.values().removeIf(entry -> ids.contains(entry.item().productId()));
  }

  public void forgetAll() {
    generation++;
    entries.clear();
  }
}
