package org.emporium.search.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves the {@code category} filter: an id matches its subtree as indexed (each product carries
 * its category's ancestor ids); a slug is looked up in the catalog's tree, cached for a while. When
 * the tree cannot be had, a slug matches products of exactly that category.
 */
public final class Categories {

  private static final Pattern UUID = Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  private static final long MIN_REFETCH_MS = 2_000;

  private final CatalogSource catalog;
  private final Clock clock;
  private final long ttlMs;
  private Map<String, String> idsBySlug = Map.of();
  private long fetchedAt = Long.MIN_VALUE / 2;

  public Categories(CatalogSource catalog, Clock clock, long ttlMs) {
    this.catalog = catalog;
    this.clock = clock;
    this.ttlMs = ttlMs;
  }

  /** The index term for the filter, or null without one. */
  public Future<String> term(String category) {
    if (category == null) {
      return Future.succeededFuture(null);
    }
    if (UUID.matcher(category).matches()) {
      return Future.succeededFuture(category.toLowerCase());
    }
    long age = clock.millis() - fetchedAt;
    boolean stale = age > ttlMs || (!idsBySlug.containsKey(category) && age > MIN_REFETCH_MS);
    Future<Void> fresh = stale ? refresh() : Future.succeededFuture();
    return fresh.map(v -> {
      String id = idsBySlug.get(category);
      return id != null ? id : "slug:" + category;
    });
  }

  private Future<Void> refresh() {
    fetchedAt = clock.millis();
    return catalog.categoryTree().map(tree -> {
      Map<String, String> slugs = new HashMap<>();
      tree.getJsonArray("items").forEach(item -> {
        JsonObject category = (JsonObject) item;
        slugs.put(category.getString("slug"), category.getString("id"));
      });
      idsBySlug = slugs;
      return (Void) null;
    }).otherwiseEmpty();
  }
}
