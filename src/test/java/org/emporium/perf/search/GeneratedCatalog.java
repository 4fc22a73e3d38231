package org.emporium.perf.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Random;

/**
 * A deterministic catalog of any size: product {@code i} is always the same snapshot (seeded by
 * {@code i}), so the export can be served page by page without holding the catalog in memory.
 */
final class GeneratedCatalog {

  static final String[] BRANDS = {"Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Wonka", "Hooli",
      "Vandelay", "Soylent", "Tyrell", "Cyberdyne", "Aperture", "Black Mesa", "Monarch", "Oscorp", "Pied Piper",
      "Dunder", "Sterling", "Gringotts", "Nakatomi", "Gekko", "Zorg", "Kramerica", "Bluth"};
  static final String[] NOUNS = {"phone", "laptop", "headphones", "speaker", "camera", "watch", "tablet", "keyboard",
      "mouse", "monitor", "charger", "cable", "backpack", "jacket", "shirt", "sneakers", "boots", "lamp", "chair",
      "desk", "kettle", "blender", "toaster", "mug", "bottle", "tent", "bicycle", "helmet", "drone", "router"};
  static final String[] ADJECTIVES = {"wireless", "portable", "compact", "premium", "classic", "smart", "ultra",
      "waterproof", "vintage", "ergonomic", "organic", "lightweight", "heavy", "silent", "fast", "solar", "modular"};
  static final String[] COLOURS = {"black", "white", "red", "blue", "green", "silver", "gold", "grey"};
  static final int ROOTS = 5;
  static final int LEAVES_PER_ROOT = 4;

  private final int size;

  GeneratedCatalog(int size) {
    this.size = size;
  }

  int size() {
    return size;
  }

  static String id(int i) {
    return String.format("01960000-0000-7000-8000-%012d", i);
  }

  static int index(String id) {
    return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
  }

  static String category(int root, int leaf) {
    return String.format("01970000-0000-7000-8000-%06d%06d", root, leaf);
  }

  static String sku(int i) {
    return "GEN-" + i;
  }

  JsonObject product(int i) {
    Random random = new Random(i * 7919L + 17);
    String brand = BRANDS[random.nextInt(BRANDS.length)];
    String noun = NOUNS[random.nextInt(NOUNS.length)];
    String title = ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " " + COLOURS[random.nextInt(COLOURS.length)]
        + " " + noun + " " + (100 + random.nextInt(900));
    int root = random.nextInt(ROOTS);
    int leaf = random.nextInt(LEAVES_PER_ROOT) + 1;
    long usd = 500 + random.nextInt(200_000);
    JsonArray prices = new JsonArray().add(new JsonObject().put("currency", "USD").put("amount", usd));
    if (random.nextBoolean()) {
      prices.add(new JsonObject().put("currency", "EUR").put("amount", usd * 92 / 100));
    }
    String day = String.format("2026-%02d-%02dT10:00:00Z", 1 + random.nextInt(10), 1 + random.nextInt(28));
    return new JsonObject().put("id", id(i)).put("shopId", id(0)).put("slug", "p-" + i)
        .put("title", title).put("status", "published")
        .put("description", "A " + title + " by " + brand + ". Great " + noun + " for every day, "
            + ADJECTIVES[random.nextInt(ADJECTIVES.length)] + " and " + ADJECTIVES[random.nextInt(ADJECTIVES.length)] + ".")
        .put("brand", new JsonObject().put("id", id(1_000_000 + brand.length())).put("slug", brand.toLowerCase().replace(' ', '-'))
            .put("name", brand))
        .put("category", new JsonObject().put("id", category(root, leaf)).put("slug", "cat-" + root + "-" + leaf)
            .put("name", "Category " + root + "." + leaf)
            .put("path", new JsonArray().add(category(root, 0)).add(category(root, leaf))))
        .put("attributes", new JsonObject()).put("media", new JsonArray())
        .put("variants", new JsonArray().add(new JsonObject().put("sku", sku(i)).put("options", new JsonObject())
            .put("prices", prices)))
        .put("createdAt", day).put("updatedAt", day).put("publishedAt", day).put("version", 1);
  }

  /** A {@code catalog.exportProducts} page. */
  JsonObject page(String after, int limit) {
    int from = after == null ? 0 : index(after) + 1;
    int to = Math.min(size, from + limit);
    JsonArray items = new JsonArray();
    for (int i = from; i < to; i++) {
      items.add(product(i));
    }
    return new JsonObject().put("items", items).put("next", to < size ? id(to - 1) : null);
  }
}
