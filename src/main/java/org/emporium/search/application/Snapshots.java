package org.emporium.search.application;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.search.domain.IndexedProduct;
import org.emporium.search.domain.IndexedProduct.Named;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the catalog's product snapshot (the {@code product} of every catalog event and export page). */
public final class Snapshots {

  private Snapshots() {
  }

  public static IndexedProduct read(JsonObject p) {
    List<String> skus = new ArrayList<>();
    Map<String, Long> prices = new TreeMap<>();
    for (Object v : p.getJsonArray("variants", new JsonArray())) {
      JsonObject variant = (JsonObject) v;
      skus.add(variant.getString("sku"));
      for (Object pr : variant.getJsonArray("prices", new JsonArray())) {
        JsonObject price = (JsonObject) pr;
        prices.merge(price.getString("currency"), price.getLong("amount"), Math::min);
      }
    }
    JsonObject category = p.getJsonObject("category");
    List<String> path = category == null ? List.of()
        : category.getJsonArray("path", new JsonArray().add(category.getString("id"))).stream().map(String::valueOf).toList();
    JsonArray media = p.getJsonArray("media", new JsonArray());
    String image = media.isEmpty() ? null : media.getJsonObject(0).getString("url");
    String listed = p.getString("publishedAt") != null ? p.getString("publishedAt") : p.getString("createdAt");
    return new IndexedProduct(p.getString("id"), p.getLong("version"), p.getString("status"), p.getString("slug"),
        p.getString("title"), p.getString("description"), named(p.getJsonObject("brand")), named(category), path,
        skus, prices, image, listed == null ? 0 : Instant.parse(listed).toEpochMilli());
  }

  private static Named named(JsonObject json) {
    return json == null ? null : new Named(json.getString("id"), json.getString("slug"), json.getString("name"));
  }
}
