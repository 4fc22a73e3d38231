package org.emporium.perf.gatling;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one run shares between its virtual users and its outcome check: the data prepared before
 * the load, the shoppers' email domain (which scopes every outcome query to this run), the orders
 * clients were told are placed, tallies of checkout answers and the number of users still active.
 */
public final class Run {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

  private final String id = "r" + STAMP.format(Instant.now()) + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
  private final AtomicLong people = new AtomicLong();
  private final AtomicInteger active = new AtomicInteger();
  private final Set<String> confirmedOrders = ConcurrentHashMap.newKeySet();
  private final Map<String, LongAdder> tallies = new ConcurrentHashMap<>();
  private volatile Instant started = Instant.now();
  private volatile CatalogData catalog;
  private volatile List<String> shopSkus = List.of();
  private volatile CatalogData.Product flashProduct;

  public String id() {
    return id;
  }

  /** Shoppers of this run have emails {@code <kind>-<n>@<run id>.perf.example.com}. */
  public String emailDomain() {
    return id + ".perf.example.com";
  }

  public String newEmail(String kind) {
    return kind + "-" + people.incrementAndGet() + "@" + emailDomain();
  }

  public void started(Instant at) {
    started = at;
  }

  public Instant started() {
    return started;
  }

  public void enter() {
    active.incrementAndGet();
  }

  public void leave() {
    active.decrementAndGet();
  }

  public int active() {
    return active.get();
  }

  public void confirmed(String orderId) {
    confirmedOrders.add(orderId);
  }

  public Set<String> confirmedOrders() {
    return Set.copyOf(confirmedOrders);
  }

  public void tally(String name) {
    tallies.computeIfAbsent(name, k -> new LongAdder()).increment();
  }

  public long tallied(String name) {
    LongAdder adder = tallies.get(name);
    return adder == null ? 0 : adder.sum();
  }

  public Map<String, Long> tallies() {
    Map<String, Long> copy = new TreeMap<>();
    tallies.forEach((k, v) -> copy.put(k, v.sum()));
    return copy;
  }

  public CatalogData catalog() {
    if (catalog == null) {
      throw new IllegalStateException("the catalog was not discovered before the load");
    }
    return catalog;
  }

  public void catalog(CatalogData data) {
    catalog = data;
  }

  public List<String> shopSkus() {
    return shopSkus;
  }

  public void shopSkus(List<String> skus) {
    shopSkus = List.copyOf(skus);
  }

  public CatalogData.Product flashProduct() {
    return flashProduct;
  }

  public void flashProduct(CatalogData.Product product) {
    flashProduct = product;
  }
}
