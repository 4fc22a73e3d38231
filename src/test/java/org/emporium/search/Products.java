package org.emporium.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Catalog product snapshots in the shape every catalog event carries. */
final class Products {

  static final String ELECTRONICS = "01900000-0000-7000-8000-000000000001";
  static final String PHONES = "01900000-0000-7000-8000-000000000002";
  static final String ACCESSORIES = "01900000-0000-7000-8000-000000000003";
  static final String APPAREL = "01900000-0000-7000-8000-000000000004";

  private Products() {
  }

  static JsonObject tree() {
    return new JsonObject().put("items", new JsonArray()
        .add(category(ELECTRONICS, null, "electronics", "Electronics"))
        .add(category(PHONES, ELECTRONICS, "phones", "Phones"))
        .add(category(ACCESSORIES, ELECTRONICS, "accessories", "Accessories"))
        .add(category(APPAREL, null, "apparel", "Apparel")));
  }

  private static JsonObject category(String id, String parent, String slug, String name) {
    return new JsonObject().put("id", id).put("parentId", parent).put("slug", slug).put("name", name)
        .put("position", 0).put("active", true);
  }

  static List<String> path(String category) {
    return switch (category) {
      case PHONES -> List.of(ELECTRONICS, PHONES);
      case ACCESSORIES -> List.of(ELECTRONICS, ACCESSORIES);
      default -> List.of(category);
    };
  }

  static String slugOf(String category) {
    return switch (category) {
      case ELECTRONICS -> "electronics";
      case PHONES -> "phones";
      case ACCESSORIES -> "accessories";
      default -> "apparel";
    };
  }

  /** A published product with one variant ({@code sku}) priced in the given currencies. */
  static JsonObject product(String id, String title, String brand, String category, String sku,
      Map<String, Long> prices, String publishedAt, long version) {
    JsonArray priceList = new JsonArray();
    prices.forEach((currency, amount) -> priceList.add(new JsonObject().put("currency", currency)
        .put("amount", amount).putNull("compareAt")));
    String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return new JsonObject()
        .put("id", id).put("shopId", UUID.nameUUIDFromBytes("shop".getBytes()).toString())
        .put("slug", slug).put("title", title)
        .put("description", "The " + title + " by " + brand + ", a fine product.")
        .put("status", "published")
        .put("brand", new JsonObject().put("id", UUID.nameUUIDFromBytes(brand.getBytes()).toString())
            .put("slug", brand.toLowerCase()).put("name", brand))
        .put("category", new JsonObject().put("id", category).put("slug", slugOf(category))
            .put("name", slugOf(category)).put("path", new JsonArray(path(category))))
        .put("attributes", new JsonObject())
        .put("media", new JsonArray().add(new JsonObject().put("url", "https://img.example/" + slug + ".jpg")
            .put("alt", title)))
        .put("variants", new JsonArray().add(new JsonObject().put("sku", sku).put("options", new JsonObject())
            .put("barcode", null).put("weightGrams", 100)
            .put("dimensionsMm", new JsonObject().put("length", 1).put("width", 1).put("height", 1))
            .put("prices", priceList)))
        .put("createdAt", publishedAt).put("updatedAt", publishedAt).put("publishedAt", publishedAt)
        .put("version", version);
  }

  static JsonObject withVersion(JsonObject product, long version) {
    return product.copy().put("version", version);
  }
}
