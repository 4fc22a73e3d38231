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

  @BeforeAll
  static void start() throws Exception {
    node = CatalogNode.start(dir, Map.of("catalog.demo.enabled", "true", "catalog.demo.products",
        String.valueOf(PRODUCTS)));
    // the seeding hands every SKU's stock to the node's inventory context: wait for all receipts
    long deadline = System.currentTimeMillis() + 120_000;
    int skus = expected().size();
    while (received().size() < skus && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
  }

  /** The demo SKUs' receipts the inventory recorded: quantity by SKU. */
  static Map<String, Integer> received() throws Exception {
    Map<String, Integer> received = new HashMap<>();
    node.rows("SELECT sku, quantity FROM inventory.ledger WHERE kind = 'received' AND reference = 'demo-seed'")
        .forEach(row -> received.merge(row.getString("sku"), row.getInteger("quantity"), Integer::sum));
    return received;
  }

  /** What the seed must receive: each SKU's deterministic stock, SKUs without stock left out. */
  static Map<String, Integer> expected() {
    DemoCatalog demo = new DemoCatalog(42);
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 0; i < PRODUCTS; i++) {
      DemoCatalog.Product product = demo.product(i);
      List<Integer> stock = product.stock();
      for (int v = 0; v < stock.size(); v++) {
        if (stock.get(v) > 0) {
          expected.put(product.content().variants().get(v).sku(), stock.get(v));
        }
      }
    }
    return expected;
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
  void skusGetTheirDeterministicStockWithTheDemoReference() throws Exception {
    // every SKU with stock was received once, under the seed's reference, with its deterministic quantity
    assertThat(expected()).isNotEmpty();
    assertThat(received()).isEqualTo(expected());
  }


}
