package org.emporium.perf.gatling;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** What the catalog holds, discovered through the public API before the load starts. */
public final class CatalogData {

  /** One product as the scenarios need it. */
  public record Product(String id, String slug, String category, String brand, String title, List<String> skus) {
  }

  private final List<Product> products = new ArrayList<>();
  private final List<String> categories = new ArrayList<>();
  private final List<String> brands = new ArrayList<>();
  private final List<String> words = new ArrayList<>();

  /** Pages through every published product, the category tree and the brands. */
  public static CatalogData discover(NodeClient node) {
    CatalogData data = new CatalogData();
    String cursor = null;
    do {
      String path = "/api/v1/products?limit=100" + (cursor == null ? "" : "&cursor=" + encode(cursor));
      JsonNode page = node.get(path).require("GET " + path).body();
      page.path("items").forEach(item -> data.products.add(product(item)));
      cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
    } while (cursor != null);
    node.get("/api/v1/categories").require("GET /api/v1/categories").body().path("items")
        .forEach(root -> data.addCategory(root));
    node.get("/api/v1/brands").require("GET /api/v1/brands").body().path("items")
        .forEach(brand -> data.brands.add(brand.path("slug").asText()));
    TreeSet<String> vocabulary = new TreeSet<>();
    data.products.forEach(p -> {
      for (String word : p.title().toLowerCase(Locale.ROOT).split("[^a-z]+")) {
        if (word.length() >= 4) {
          vocabulary.add(word);
        }
      }
    });
    data.words.addAll(vocabulary);
    if (data.products.isEmpty() || data.categories.isEmpty() || data.words.isEmpty()) {
      throw new IllegalStateException("the catalog is empty: run against a node with the demo catalog "
          + "(the local profile seeds 1,000 products)");
    }
    return data;
  }

  private void addCategory(JsonNode node) {
    categories.add(node.path("slug").asText());
    node.path("children").forEach(this::addCategory);
  }

  private static Product product(JsonNode item) {
    List<String> skus = new ArrayList<>();
    item.path("variants").forEach(v -> skus.add(v.path("sku").asText()));
    return new Product(item.path("id").asText(), item.path("slug").asText(), item.path("category").path("slug").asText(),
        item.path("brand").path("slug").asText(), item.path("title").asText(), List.copyOf(skus));
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public List<Product> products() {
    return products;
  }

  public List<String> categories() {
    return categories;
  }

  public List<String> brands() {
    return brands;
  }

  public List<String> words() {
    return words;
  }

  /** The product that has this SKU, or an error naming it. */
  public Product bySku(String sku) {
    return products.stream().filter(p -> p.skus().contains(sku)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no published product has SKU " + sku));
  }
}
