package org.emporium.catalog.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A made-up catalog for trying Emporium out: shops, brands, a category tree and products with
 * variants and prices (USD everywhere, EUR, GBP and JPY on some). The same seed and index always
 * give the same product, and ids are derived from names, so two runs make identical catalogs.
 */
public final class DemoCatalog {

  /** A shop or brand. */
  public record Named(UUID id, String slug, String name) {
  }

  public record Category(UUID id, UUID parentId, String slug, String name, int position) {
  }

  public record Product(UUID id, UUID shopId, ProductContent content, List<Integer> stock) {
  }

  private static final String[][] TREE = {
      {"clothing", "Clothing", "shirts:Shirts", "trousers:Trousers", "shoes:Shoes", "jackets:Jackets"},
      {"home", "Home", "kitchen:Kitchen", "furniture:Furniture", "lighting:Lighting"},
      {"electronics", "Electronics", "audio:Audio", "phones:Phones", "computers:Computers"},
      {"sports", "Sports", "running:Running", "cycling:Cycling", "outdoor:Outdoor"},
      {"books", "Books", "fiction:Fiction", "non-fiction:Non-fiction", "children:Children's books"}};
  private static final String[] BRANDS = {"Acme", "Northwind", "Globex", "Initech", "Umbrella", "Hooli", "Stark",
      "Wayne", "Tyrell", "Cyberdyne", "Soylent", "Vandelay"};
  private static final String[] SHOPS = {"Harbor & Pine", "Atlas Outfitters", "Corner Store"};
  private static final String[] ADJECTIVES = {"Classic", "Everyday", "Premium", "Compact", "Vintage", "Modern",
      "Rugged", "Lightweight", "Deluxe", "Essential"};
  private static final String[] COLOURS = {"black", "white", "navy", "red", "green", "grey"};
  private static final String[] MATERIALS = {"cotton", "wool", "steel", "oak", "linen", "aluminium", "leather"};

  private final long seed;
  private final List<Category> categories = new ArrayList<>();
  private final List<Category> leaves = new ArrayList<>();

  public DemoCatalog(long seed) {
    this.seed = seed;
    for (int r = 0; r < TREE.length; r++) {
      UUID root = id("category", TREE[r][0]);
      categories.add(new Category(root, null, TREE[r][0], TREE[r][1], r));
      for (int c = 2; c < TREE[r].length; c++) {
        String[] leaf = TREE[r][c].split(":");
        Category child = new Category(id("category", leaf[0]), root, leaf[0], leaf[1], c - 2);
        categories.add(child);
        leaves.add(child);
      }
    }
  }

  public List<Named> shops() {
    return named("shop", SHOPS);
  }

  public List<Named> brands() {
    return named("brand", BRANDS);
  }

  /** Parents before children. */
  public List<Category> categories() {
    return List.copyOf(categories);
  }

  public Product product(int index) {
    // SplittableRandom mixes its seed; java.util.Random gives near-equal first draws for neighbouring seeds
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
    Category category = leaves.get(random.nextInt(leaves.size()));
    String adjective = ADJECTIVES[random.nextInt(ADJECTIVES.length)];
    String material = MATERIALS[random.nextInt(MATERIALS.length)];
    String title = adjective + " " + material + " " + noun(category) + " " + (100 + index);
    long base = (5 + random.nextInt(300)) * 100L - 1;
    boolean clothing = category.parentId().equals(id("category", "clothing"));
    List<String> sizes = clothing ? List.of("S", "M", "L") : List.of("");
    int colourCount = 1 + random.nextInt(2);
    List<Variant> variants = new ArrayList<>();
    List<Integer> stock = new ArrayList<>();
    for (int c = 0; c < colourCount; c++) {
      String colour = COLOURS[(index + c) % COLOURS.length];
      for (String size : sizes) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("colour", colour);
        if (!size.isEmpty()) {
          options.put("size", size);
        }
        String sku = String.format("DEMO-%05d-%d", index, variants.size() + 1);
        variants.add(new Variant(sku, options, String.format("40%011d", index * 10L + variants.size()),
            100 + random.nextInt(4900), new Dimensions(100 + random.nextInt(400), 100 + random.nextInt(300),
            20 + random.nextInt(200)), prices(index, base)));
        stock.add(10 + (index * 7 + variants.size() * 13) % 90);
      }
    }
    UUID brand = id("brand", BRANDS[random.nextInt(BRANDS.length)].toLowerCase());
    String slug = Slugs.derive(title, id("product", String.valueOf(index)));
    ProductContent content = new ProductContent(title, slug,
        "A " + adjective.toLowerCase() + " " + noun(category) + " made of " + material + ". Demo product " + index + ".",
        brand, category.id(), Map.of("material", material),
        List.of(new Media("https://picsum.photos/seed/emporium-" + index + "/800/800", title)),
        ProductStatus.PUBLISHED, variants);
    UUID shop = shops().get(index % SHOPS.length).id();
    return new Product(id("product", String.valueOf(index)), shop, content, stock);
  }

  private static List<Price> prices(int index, long base) {
    Long compareAt = index % 7 == 0 ? base * 5 / 4 : null;
    List<Price> prices = new ArrayList<>(List.of(new Price("USD", base, compareAt)));
    if (index % 3 == 0) {
      prices.add(new Price("EUR", base * 92 / 100 / 100 * 100 + 99, null));
    }
    if (index % 4 == 0) {
      prices.add(new Price("GBP", base * 79 / 100 / 100 * 100 + 99, null));
    }
    if (index % 5 == 0) {
      prices.add(new Price("JPY", (base * 150 / 100 + 50) / 100 * 100, null));
    }
    return prices;
  }

  private static String noun(Category category) {
    String name = category.name().toLowerCase();
    return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
  }

  private static List<Named> named(String kind, String[] names) {
    return java.util.Arrays.stream(names).map(name -> {
      String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", "-");
      return new Named(id(kind, slug), slug, name);
    }).toList();
  }

  static UUID id(String kind, String name) {
    return UUID.nameUUIDFromBytes(("emporium-demo:" + kind + ":" + name).getBytes(StandardCharsets.UTF_8));
  }
}
