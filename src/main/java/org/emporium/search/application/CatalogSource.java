package org.emporium.search.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

/** What search asks other contexts: the catalog's export and category tree, inventory's availability. */
public interface CatalogSource {

  /** One page of {@code catalog.exportProducts}: {@code {items, next}}. */
  Future<JsonObject> exportPage(String after, int limit);

  /** One page of the export narrowed by {@code filter}: {@code {categoryId}} (its subtree) or {@code {brandId}}. */
  Future<JsonObject> exportPage(String after, int limit, JsonObject filter);

  /** {@code catalog.categoryTree}: {@code {items: [{id, parentId, slug, ...}]}}. */
  Future<JsonObject> categoryTree();

  /** Available units per SKU in the region ({@code inventory.availability}). */
  Future<Map<String, Long>> availability(List<String> skus, String region);
}
