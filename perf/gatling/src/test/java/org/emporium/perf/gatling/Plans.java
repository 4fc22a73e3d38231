package org.emporium.perf.gatling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;

/**
 * Seeded feeders: each virtual user takes one plan (what it will look at, buy and pay in) from a
 * {@link Random} with a fixed seed, so a run's choices repeat from one run to the next.
 */
public final class Plans {

  static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP", "JPY");
  private static final List<String> SORTS = List.of("relevance", "price_asc", "price_desc", "newest");
  private static final List<Map<String, Object>> ADDRESSES = List.of(
      Map.of("name", "Ada Load", "line1", "1 Main St", "city", "Berlin", "postalCode", "10115", "country", "DE"),
      Map.of("name", "Bo Load", "line1", "5 Fifth Ave", "city", "New York", "region", "NY", "postalCode", "10001",
          "country", "US"),
      Map.of("name", "Cy Load", "line1", "10 Downing St", "city", "London", "postalCode", "SW1A 2AA", "country", "GB"),
      Map.of("name", "Di Load", "line1", "2 Rue de Rivoli", "city", "Paris", "postalCode", "75001", "country", "FR"));

  private static final List<String> FIRST_KINDS = List.of("guest", "returning", "new");

  private final Run run;
  private final PerfConfig config;

  public Plans(Run run, PerfConfig config) {
    this.run = run;
    this.config = config;
  }

  /** A browsing visitor: currency, a category, a search with filters, words typed for suggestions. */
  public Iterator<Map<String, Object>> browse() {
    return endless(config.seed(), (random, index) -> {
      CatalogData catalog = run.catalog();
      Map<String, Object> plan = new HashMap<>();
      plan.put("currency", pick(random, CURRENCIES));
      plan.put("category", pick(random, catalog.categories()));
      plan.put("categoryPages", random.nextInt(3));
      plan.put("landing", random.nextInt(100) < 50);
      plan.put("search", searchQuery(random, catalog));
      plan.put("searchNext", random.nextInt(100) < 25);
      plan.put("typed", pick(random, catalog.words()));
      plan.put("pick", random.nextInt(1 << 20));
      return plan;
    });
  }

  /**
   * A shopper: guest, new customer (registers) or returning customer (an account of the pool), the
   * lines to buy from the run's shop SKUs, currency, address, and whether they abandon the cart.
   */
  public Iterator<Map<String, Object>> shop() {
    return endless(config.seed() + 1, (random, index) -> {
      Map<String, Object> plan = new HashMap<>();
      // the first shoppers are one of each kind, so that even a short run exercises every path
      boolean first = index < FIRST_KINDS.size();
      plan.put("kind", first ? FIRST_KINDS.get((int) (long) index) : shopperKind(random));
      plan.put("currency", pick(random, CURRENCIES));
      plan.put("address", pick(random, ADDRESSES));
      plan.put("lines", lines(random, run.shopSkus(), 1 + random.nextInt(Math.max(1, config.maxLines()))));
      plan.put("abandon", !first && random.nextDouble() < config.abandonShare());
      plan.put("passwordSignIn", random.nextDouble() < config.passwordSignInShare());
      plan.put("search", searchQuery(random, run.catalog()));
      plan.put("pick", random.nextInt(1 << 20));
      return plan;
    });
  }

  /** A flash-sale shopper: one unit of the flash SKU, as a guest. */
  public Iterator<Map<String, Object>> flash() {
    return endless(config.seed() + 2, (random, index) -> {
      Map<String, Object> plan = new HashMap<>();
      plan.put("currency", pick(random, CURRENCIES));
      plan.put("address", pick(random, ADDRESSES));
      return plan;
    });
  }

  private String shopperKind(Random random) {
    double draw = random.nextDouble();
    if (draw < config.guestShare()) {
      return "guest";
    }
    return draw < config.guestShare() + config.newCustomerShare() ? "new" : "returning";
  }

  private static List<Map<String, Object>> lines(Random random, List<String> skus, int count) {
    if (skus.isEmpty()) {
      throw new IllegalStateException("no SKUs were prepared for shoppers");
    }
    Set<String> chosen = new LinkedHashSet<>();
    while (chosen.size() < Math.min(count, skus.size())) {
      chosen.add(pick(random, skus));
    }
    List<Map<String, Object>> lines = new ArrayList<>();
    chosen.forEach(sku -> lines.add(Map.of("sku", sku, "quantity", 1 + random.nextInt(2))));
    return lines;
  }

  /** The query string of a search: words (sometimes misspelt) and some filters, facets always on. */
  private static String searchQuery(Random random, CatalogData catalog) {
    StringBuilder query = new StringBuilder("q=").append(CatalogData.encode(typo(random, pick(random, catalog.words()))));
    if (random.nextInt(100) < 30) {
      query.append("+").append(CatalogData.encode(pick(random, catalog.words())));
    }
    if (random.nextInt(100) < 30) {
      query.append("&category=").append(CatalogData.encode(pick(random, catalog.categories())));
    }
    if (random.nextInt(100) < 20 && !catalog.brands().isEmpty()) {
      query.append("&brand=").append(CatalogData.encode(pick(random, catalog.brands())));
    }
    if (random.nextInt(100) < 20) {
      int min = 1000 * (1 + random.nextInt(10));
      query.append("&minPrice=").append(min).append("&maxPrice=").append(min * 5).append("&currency=USD");
    } else {
      query.append("&currency=").append(pick(random, CURRENCIES));
    }
    if (random.nextInt(100) < 30) {
      query.append("&inStock=true");
    }
    return query.append("&sort=").append(pick(random, SORTS)).append("&limit=20").toString();
  }

  private static String typo(Random random, String word) {
    if (word.length() < 5 || random.nextInt(100) >= 20) {
      return word;
    }
    int at = 1 + random.nextInt(word.length() - 2);
    return word.substring(0, at) + word.substring(at + 1);
  }

  static <T> T pick(Random random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  private static Iterator<Map<String, Object>> endless(long seed, BiFunction<Random, Long, Map<String, Object>> next) {
    Random random = new Random(seed);
    AtomicLong index = new AtomicLong();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Map<String, Object> next() {
        return next.apply(random, index.getAndIncrement());
      }
    };
  }
}
