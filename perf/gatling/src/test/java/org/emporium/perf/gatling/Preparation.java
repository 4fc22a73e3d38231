package org.emporium.perf.gatling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What a run needs before its load: a ready node with rate limits off, the catalog discovered,
 * for shoppers a stock of their products and a pool of returning customers, for a flash sale the
 * flash SKU's units set.
 */
final class Preparation {

  private final PerfConfig config;
  private final Run run;
  private final AccountPool pool;
  private final FlashSale flashSale;
  private boolean shop;
  private boolean flash;

  Preparation(PerfConfig config, Run run, AccountPool pool, FlashSale flashSale) {
    this.config = config;
    this.run = run;
    this.pool = pool;
    this.flashSale = flashSale;
  }

  void needShop() {
    shop = true;
  }

  void needFlash() {
    flash = true;
  }

  boolean sells() {
    return shop || flash;
  }

  boolean flash() {
    return flash;
  }

  void run() {
    long start = System.nanoTime();
    run.started(Instant.now());
    NodeClient node = new NodeClient(config.baseUrl());
    node.get("/health/ready").require("GET " + config.baseUrl() + "/health/ready");
    NodeClient.Answer probe = node.get("/api/v1/categories").require("GET /api/v1/categories");
    if (probe.headers().keySet().stream().anyMatch(h -> h.equalsIgnoreCase("RateLimit-Limit"))) {
      throw new IllegalStateException("the node's rate limits are on and would refuse the load: start it with "
          + "EMPORIUM_RATE_LIMITS_ENABLED=false");
    }
    run.catalog(CatalogData.discover(node));
    StringBuilder done = new StringBuilder("Prepared run " + run.id() + ": " + run.catalog().products().size() + " products");
    String adminToken = sells()
        ? node.login(config.adminEmail(), config.adminPassword()).path("access_token").asText() : null;
    if (flash) {
      int before = flashSale.prepare(node, adminToken);
      done.append(", flash SKU ").append(config.flashSku()).append(" set from ").append(before).append(" to ")
          .append(config.flashUnits()).append(" units");
    }
    if (shop) {
      int received = stockShopProducts(node, adminToken);
      pool.fill(node, run, config.accounts());
      done.append(", ").append(run.shopSkus().size()).append(" SKUs for shoppers (").append(received)
          .append(" topped up), ").append(pool.size()).append(" returning customers");
    }
    System.out.println(done.append(" in ").append((System.nanoTime() - start) / 1_000_000).append(" ms"));
  }

  /** Picks the shoppers' products (seeded, never the flash product) and tops their stock up. */
  private int stockShopProducts(NodeClient node, String adminToken) {
    List<CatalogData.Product> products = new ArrayList<>(run.catalog().products());
    products.removeIf(p -> p.skus().contains(config.flashSku()));
    Collections.shuffle(products, new Random(config.seed()));
    List<String> skus = new ArrayList<>();
    products.stream().limit(config.shopProducts()).forEach(p -> skus.addAll(p.skus()));
    int received = 0;
    for (String sku : skus) {
      int available = FlashSale.available(node, sku);
      if (available < config.minStock()) {
        node.post("/api/v1/inventory/" + sku + "/receipts", Map.of("quantity", config.minStock() - available,
            "note", "load test " + run.id()), adminToken).require("receipt of " + sku);
        received++;
      }
    }
    run.shopSkus(skus);
    return received;
  }
}
