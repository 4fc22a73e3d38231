package org.emporium.catalog;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.catalog.domain.DemoCatalog;
import org.emporium.catalog.infra.PgSeedClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo catalog on a node that enables it: seeded once into the empty catalog, browsable at
 * once, with stock sent to {@code inventory.receive} (answered here by a stand-in).
 */
class DemoCatalogSeedTest {

  private static final int PRODUCTS = 40;

  @TempDir
  static Path dir;
  static CatalogNode node;
  static final Map<String, JsonObject> receipts = new ConcurrentHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    node = CatalogNode.start(dir, Map.of("catalog.demo.enabled", "true", "catalog.demo.products",
        String.valueOf(PRODUCTS)));
    // the seeding waits for an inventory context; this stand-in is one
    node.vertx().eventBus().<JsonObject>consumer("inventory.receive", message -> {
      receipts.put(message.body().getString("sku"), message.body());
      message.reply(new JsonObject().put("status", 200));
    });
    DemoCatalog demo = new DemoCatalog(42);
    int skus = 0;
    for (int i = 0; i < PRODUCTS; i++) {
      skus += demo.product(i).content().variants().size();
    }
    // until every SKU arrived, or none arrived for 5 s after the first (a real inventory context,
    // when deployed, answers part of them)
    long deadline = System.currentTimeMillis() + 120_000;
    int seen = -1;
    long quietSince = System.currentTimeMillis();
    while (receipts.size() < skus && System.currentTimeMillis() < deadline
        && (receipts.isEmpty() || System.currentTimeMillis() - quietSince < 5_000)) {
      if (receipts.size() != seen) {
        seen = receipts.size();
        quietSince = System.currentTimeMillis();
      }
      Thread.sleep(200);
    }
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  @Test
  void theSeededCatalogIsBrowsableWithPricesInSeveralCurrencies() throws Exception {
    assertThat(node.rows("SELECT count(*) FROM catalog.product").get(0).getLong(0)).isEqualTo((long) PRODUCTS);
    JsonObject page = node.expect(200, HttpMethod.GET, "/api/v1/products?limit=100&currency=EUR", null, null);
    assertThat(page.getJsonArray("items")).hasSize(PRODUCTS);
    JsonArray roots = node.expect(200, HttpMethod.GET, "/api/v1/categories", null, null).getJsonArray("items");
    assertThat(roots.stream().map(r -> ((JsonObject) r).getString("slug")))
        .containsExactlyInAnyOrder("clothing", "home", "electronics", "sports", "books");
    assertThat(node.expect(200, HttpMethod.GET, "/api/v1/products?category=clothing&limit=100", null, null)
        .getJsonArray("items")).isNotEmpty();

    DemoCatalog demo = new DemoCatalog(42);
    JsonObject zero = node.expect(200, HttpMethod.GET, "/api/v1/products/" + demo.product(0).id() + "?currency=JPY",
        null, null);
    assertThat(zero.getString("title")).isEqualTo(demo.product(0).content().title());
    assertThat(zero.getString("status")).isEqualTo("published");
    assertThat(zero.getJsonArray("variants").getJsonObject(0).getString("priceSource")).isEqualTo("explicit");
    assertThat(node.rows("SELECT count(*) FROM catalog.outbox WHERE event_type = $1",
        "emporium.catalog.product.created.v1").get(0).getLong(0)).isEqualTo((long) PRODUCTS);
    assertThat(node.rows("SELECT name FROM catalog.seed_run")).hasSize(1);
  }

  @Test
  void aSeededCatalogIsNeverSeededAgain() throws Exception {
    assertThat(new PgSeedClaims(java.time.Clock.systemUTC()).claimIfEmpty(node.pool(), "demo")
        .await(10, java.util.concurrent.TimeUnit.SECONDS)).isFalse();
    assertThat(new PgSeedClaims(java.time.Clock.systemUTC()).claimIfEmpty(node.pool(), "another")
        .await(10, java.util.concurrent.TimeUnit.SECONDS)).as("the catalog is not empty").isFalse();
  }

  @Test
  void skusGetTheirDeterministicStockWithTheDemoReference() {
    DemoCatalog demo = new DemoCatalog(42);
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 0; i < PRODUCTS; i++) {
      DemoCatalog.Product product = demo.product(i);
      List<Integer> stock = product.stock();
      for (int v = 0; v < stock.size(); v++) {
        expected.put(product.content().variants().get(v).sku(), stock.get(v));
      }
    }
    assertThat(receipts).isNotEmpty();
    assertThat(expected.keySet()).containsAll(receipts.keySet());
    receipts.forEach((sku, receipt) -> {
      assertThat(receipt.getInteger("quantity")).as(sku).isEqualTo(expected.get(sku));
      assertThat(receipt.getString("reference")).isEqualTo("demo-seed");
    });
  }
}
