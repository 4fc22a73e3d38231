package org.emporium.catalog.application;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.emporium.catalog.domain.Ownership;
import org.emporium.catalog.domain.ProductStatus;
import org.emporium.platform.auth.Principal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Product reads through the per-node snapshot cache: one product (by id or slug), pages of
 * published products, batches by SKU and the export for search. Shoppers see only published
 * products; a seller also sees the own shop's, an admin everything.
 */
public final class ReadingProducts {

  private final Pool pool;
  private final Products products;
  private final Taxonomy taxonomy;
  private final ProductCache cache;
  private final Prices prices;

  public ReadingProducts(Pool pool, Products products, Taxonomy taxonomy, ProductCache cache, Prices prices) {
    this.pool = pool;
    this.products = products;
    this.taxonomy = taxonomy;
    this.cache = cache;
    this.prices = prices;
  }

  public record Page(List<JsonObject> items, UUID next) {
  }

  public Future<JsonObject> get(Principal caller, UUID id, String currency) {
    return snapshots(List.of(id)).map(found -> visible(caller, found.get(id))
        .map(snapshot -> prices.view(snapshot, currency))
        .orElseThrow(() -> Rejected.notFound("No product has this id.")));
  }

  /** The cached JSON bytes of what {@link #get} answered without a currency, when it came from the cache. */
  public Buffer encoded(UUID id, JsonObject answered) {
    return cache.encoded(id, answered);
  }

  public Future<JsonObject> bySlug(Principal caller, String slug, String currency) {
    return products.idBySlug(pool, slug).compose(id -> id.isEmpty()
        ? Future.failedFuture(Rejected.notFound("No product has this slug."))
        : get(caller, id.get(), currency));
  }

  /** Published products in id order; an unknown category or brand matches nothing. */
  public Future<Page> list(String category, String brand, String currency, UUID after, int limit) {
    Future<Optional<UUID>> categoryId = category == null ? Future.succeededFuture(Optional.empty())
        : taxonomy.categoryId(pool, category);
    Future<Optional<UUID>> brandId = brand == null ? Future.succeededFuture(Optional.empty())
        : taxonomy.brandId(pool, brand);
    return Future.all(categoryId, brandId).compose(refs -> {
      if (category != null && categoryId.result().isEmpty() || brand != null && brandId.result().isEmpty()) {
        return Future.succeededFuture(new Page(List.of(), null));
      }
      return products.published(pool, categoryId.result().orElse(null), brandId.result().orElse(null), after,
          limit + 1).compose(ids -> snapshots(ids.subList(0, Math.min(limit, ids.size()))).map(found -> {
            List<JsonObject> items = new ArrayList<>();
            ids.stream().limit(limit).map(found::get).filter(s -> s != null && isPublished(s))
                .forEach(s -> items.add(prices.view(s, currency)));
            return new Page(items, ids.size() > limit ? ids.get(limit - 1) : null);
          }));
    });
  }

  /**
   * {@code catalog.lookupSkus}: every status, for carts, pricing, checkout and inventory. The product
   * of a SKU comes from the cache's links when it has them, checked against the product's snapshot:
   * a link the snapshot does not confirm (the variant moved or is gone) is read again.
   */
  public Future<JsonObject> lookupSkus(List<String> skus, String currency) {
    String wanted = currency == null ? prices.baseCurrency() : currency;
    Map<String, UUID> remembered = cache.owners(skus);
    List<String> unknown = skus.stream().filter(sku -> !remembered.containsKey(sku)).distinct().toList();
    return owners(unknown, remembered).compose(owners -> snapshotsOf(owners).compose(found -> {
      List<String> unconfirmed = skus.stream().filter(remembered::containsKey)
          .filter(sku -> variant(found.get(owners.get(sku)), sku) == null).distinct().toList();
      if (unconfirmed.isEmpty()) {
        return Future.succeededFuture(answer(skus, owners, found, wanted));
      }
      unconfirmed.forEach(owners::remove);
      return owners(unconfirmed, owners).compose(again -> snapshotsOf(again)
          .map(refound -> answer(skus, again, refound, wanted)));
    }));
  }

  private Future<Map<String, UUID>> owners(List<String> read, Map<String, UUID> known) {
    if (read.isEmpty()) {
      return Future.succeededFuture(new HashMap<>(known));
    }
    long epoch = cache.epoch();
    return products.productsOf(pool, read).map(found -> {
      if (epoch == cache.epoch()) {
        cache.putOwners(found, read.stream().filter(sku -> !found.containsKey(sku)).toList());
      }
      Map<String, UUID> all = new HashMap<>(known);
      all.putAll(found);
      return all;
    });
  }

  private Future<Map<UUID, JsonObject>> snapshotsOf(Map<String, UUID> owners) {
    return snapshots(owners.values().stream().distinct().toList());
  }

  private JsonObject answer(List<String> skus, Map<String, UUID> owners, Map<UUID, JsonObject> found, String wanted) {
    JsonArray items = new JsonArray();
    JsonArray missing = new JsonArray();
    for (String sku : skus) {
      JsonObject snapshot = owners.containsKey(sku) ? found.get(owners.get(sku)) : null;
      JsonObject variant = variant(snapshot, sku);
      if (variant == null) {
        missing.add(sku);
        continue;
      }
      items.add(new JsonObject().put("sku", sku).put("productId", snapshot.getString("id"))
          .put("title", snapshot.getString("title")).put("status", snapshot.getString("status"))
          .put("options", variant.getJsonObject("options")).put("weightGrams", variant.getInteger("weightGrams"))
          .put("categoryPath", snapshot.getJsonObject("category").getJsonArray("path"))
          .put("basePrice", prices.base(variant))
          .mergeIn(prices.in(variant, wanted)));
    }
    return new JsonObject().put("items", items).put("missing", missing);
  }

  /**
   * {@code catalog.exportProducts}: published snapshots in id order, straight from the database; all
   * of them, or those of a category's subtree or of a brand.
   */
  public Future<JsonObject> export(UUID after, UUID categoryId, UUID brandId, int limit) {
    return products.published(pool, categoryId, brandId, after, limit + 1).compose(ids -> {
      List<UUID> page = ids.subList(0, Math.min(limit, ids.size()));
      return products.snapshots(pool, page).map(found -> {
        JsonArray items = new JsonArray();
        page.stream().map(found::get).filter(s -> s != null && isPublished(s)).forEach(items::add);
        return new JsonObject().put("items", items)
            .put("next", ids.size() > limit ? page.get(page.size() - 1).toString() : null);
      });
    });
  }

  /** Snapshots by id, from the cache when there, the rest in one query. */
  public Future<Map<UUID, JsonObject>> snapshots(List<UUID> ids) {
    Map<UUID, JsonObject> found = new HashMap<>();
    List<UUID> missing = new ArrayList<>();
    for (UUID id : ids) {
      JsonObject cached = cache.get(id);
      if (cached == null) {
        missing.add(id);
      } else {
        found.put(id, cached);
      }
    }
    if (missing.isEmpty()) {
      return Future.succeededFuture(found);
    }
    long epoch = cache.epoch();
    return products.snapshots(pool, missing).map(loaded -> {
      loaded.values().forEach(snapshot -> cache.put(snapshot, epoch));
      found.putAll(loaded);
      return found;
    });
  }

  private static Optional<JsonObject> visible(Principal caller, JsonObject snapshot) {
    if (snapshot == null) {
      return Optional.empty();
    }
    ProductStatus status = ProductStatus.parse(snapshot.getString("status")).orElseThrow();
    return Ownership.canSee(caller, UUID.fromString(snapshot.getString("shopId")), status)
        ? Optional.of(snapshot) : Optional.empty();
  }

  private static boolean isPublished(JsonObject snapshot) {
    return ProductStatus.PUBLISHED.wire().equals(snapshot.getString("status"));
  }

  private static JsonObject variant(JsonObject snapshot, String sku) {
    if (snapshot == null) {
      return null;
    }
    JsonArray variants = snapshot.getJsonArray("variants");
    for (int i = 0; i < variants.size(); i++) {
      if (sku.equals(variants.getJsonObject(i).getString("sku"))) {
        return variants.getJsonObject(i);
      }
    }
    return null;
  }
}
