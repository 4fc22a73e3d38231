package org.emporium.e2e;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.catalog.CatalogNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalog, pricing, inventory and search contexts of one real node working together over
 * REST, Kafka and the event bus: an admin sets a rate, lists a product and stocks it; shoppers then
 * read it in another currency and find it in search, in stock, until the stock is reserved away.
 */
class ShopFloorEndToEndTest {

  private static final Duration BOUND = Duration.ofSeconds(30);

  @TempDir
  static Path dir;
  static CatalogNode node;

  @BeforeAll
  static void start() {
    node = CatalogNode.start(dir, Map.of("inventory.signalIntervalMs", "200"));
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  @Test
  void aListedAndStockedProductIsReadConvertedAndFoundInStockUntilItsStockIsReserved() throws Exception {
    String admin = node.admin();
    node.expect(200, HttpMethod.PUT, "/api/v1/admin/fx-rates", admin, new JsonObject().put("rates",
        new JsonArray().add(new JsonObject().put("base", "USD").put("quote", "SEK").put("rate", "10.5"))));
    String shop = node.create("shops", new JsonObject().put("slug", "nordic").put("name", "Nordic"));
    String root = node.create("categories", new JsonObject().put("slug", "outdoor").put("name", "Outdoor"));
    String leaf = node.create("categories", new JsonObject().put("slug", "tents").put("name", "Tents")
        .put("parentId", root));
    String sku = "TENT-" + UUID.randomUUID().toString().substring(0, 8);
    String title = "Fjellduk tent " + sku;
    JsonObject variant = new JsonObject().put("sku", sku).put("options", new JsonObject().put("size", "2p"))
        .put("weightGrams", 2100).put("prices", new JsonArray()
            .add(new JsonObject().put("currency", "USD").put("amount", 24_900)));
    String id = node.expect(201, HttpMethod.POST, "/api/v1/products", admin, new JsonObject().put("title", title)
        .put("description", "A light two-person tent.").put("categoryId", leaf).put("shopId", shop)
        .put("variants", new JsonArray().add(variant))).getString("id");
    node.expect(200, HttpMethod.PATCH, "/api/v1/products/" + id, admin, new JsonObject().put("status", "published"));
    node.expect(201, HttpMethod.POST, "/api/v1/inventory/" + sku + "/receipts", admin,
        new JsonObject().put("quantity", 3).put("note", "first delivery"));

    // 249.00 USD at 10.5 is 2,614.50 SEK: converted by the pricing context's rate, once the node's
    // rate caches have reloaded (a notice on the bus right after the rates' write)
    JsonObject read = eventually("/api/v1/products/" + id + "?currency=SEK",
        product -> product.getJsonArray("variants").getJsonObject(0).getValue("price") != null);
    JsonObject priced = read.getJsonArray("variants").getJsonObject(0);
    assertThat(priced.getJsonObject("price")).isEqualTo(new JsonObject().put("amount", 261_450).put("currency", "SEK"));
    assertThat(priced.getString("priceSource")).isEqualTo("converted");
    assertThat(node.expect(200, HttpMethod.GET, "/api/v1/inventory/" + sku, null, null).getInteger("available"))
        .isEqualTo(3);

    // the node's search replica learns the product from the catalog's events and its stock from inventory's
    String query = "/api/v1/search?q=" + sku + "&category=" + root + "&currency=SEK&minPrice=261000&maxPrice=262000"
        + "&inStock=true";
    JsonObject found = eventually(query, result -> result.getJsonArray("items").size() == 1);
    JsonObject hit = found.getJsonArray("items").getJsonObject(0);
    assertThat(hit.getString("productId")).isEqualTo(id);
    assertThat(hit.getJsonObject("price").getLong("amount")).isEqualTo(261_450L);
    assertThat(found.getJsonObject("facets").getJsonArray("categories").encode()).contains(leaf);

    JsonObject reserved = node.request("inventory.reserve", new JsonObject()
        .put("reservationId", UUID.randomUUID().toString()).put("reference", "order-1")
        .put("lines", new JsonArray().add(new JsonObject().put("sku", sku).put("quantity", 3))));
    assertThat(reserved.getString("status")).isEqualTo("reserved");
    eventually(query, result -> result.getJsonArray("items").isEmpty());
    assertThat(node.expect(200, HttpMethod.GET, "/api/v1/inventory/" + sku, null, null).getInteger("available"))
        .isZero();
  }

  @Test
  void aRenamedBrandAndAMovedCategoryReachSearchWithoutTouchingTheProduct() throws Exception {
    String admin = node.admin();
    String shop = node.create("shops", new JsonObject().put("slug", "harbour").put("name", "Harbour"));
    String brand = node.create("brands", new JsonObject().put("slug", "saltwind").put("name", "Saltwind"));
    String kitchen = node.create("categories", new JsonObject().put("slug", "kitchen").put("name", "Kitchen"));
    String garden = node.create("categories", new JsonObject().put("slug", "garden").put("name", "Garden"));
    String pots = node.create("categories", new JsonObject().put("slug", "pots").put("name", "Pots")
        .put("parentId", kitchen));
    String sku = "POT-" + UUID.randomUUID().toString().substring(0, 8);
    String id = node.expect(201, HttpMethod.POST, "/api/v1/products", admin, new JsonObject()
        .put("title", "Clay pot " + sku).put("categoryId", pots).put("brandId", brand).put("shopId", shop)
        .put("status", "published").put("variants", new JsonArray().add(new JsonObject().put("sku", sku)
            .put("prices", new JsonArray().add(new JsonObject().put("currency", "USD").put("amount", 1_500))))))
        .getString("id");
    eventually("/api/v1/search?q=saltwind&category=" + kitchen, result -> ids(result).contains(id));
    long version = node.expect(200, HttpMethod.GET, "/api/v1/products/" + id, null, null).getLong("version");

    node.expect(200, HttpMethod.PUT, "/api/v1/admin/brands/" + brand, admin,
        new JsonObject().put("slug", "tidewater").put("name", "Tidewater"));
    node.expect(200, HttpMethod.PUT, "/api/v1/admin/categories/" + pots, admin,
        new JsonObject().put("slug", "planters").put("name", "Planters").put("parentId", garden));

    JsonObject renamed = eventually("/api/v1/search?q=tidewater&category=" + garden, result -> ids(result).contains(id));
    assertThat(renamed.getJsonArray("items").getJsonObject(0).getString("brand")).isEqualTo("Tidewater");
    assertThat(renamed.getJsonObject("facets").getJsonArray("brands").getJsonObject(0).getString("label"))
        .isEqualTo("Tidewater");
    assertThat(renamed.getJsonObject("facets").getJsonArray("categories").getJsonObject(0).getString("label"))
        .isEqualTo("Planters");
    eventually("/api/v1/search?q=" + sku + "&category=" + kitchen, result -> !ids(result).contains(id));
    assertThat(ids(node.expect(200, HttpMethod.GET, "/api/v1/search?q=saltwind", null, null))).doesNotContain(id);
    assertThat(node.expect(200, HttpMethod.GET, "/api/v1/products/" + id, null, null).getLong("version"))
        .as("the product itself did not change").isEqualTo(version);
    assertThat(node.rows("SELECT event_type FROM catalog.outbox WHERE aggregate_id IN ($1, $2) ORDER BY id",
        brand, pots).stream().map(row -> row.getString(0)).toList())
        .containsExactly("emporium.catalog.brand.updated.v1", "emporium.catalog.category.updated.v1");
  }

  private static java.util.List<String> ids(JsonObject result) {
    return result.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("productId")).toList();
  }

  private static JsonObject eventually(String path, Predicate<JsonObject> done) throws InterruptedException {
    Instant deadline = Instant.now().plus(BOUND);
    JsonObject last = null;
    while (Instant.now().isBefore(deadline)) {
      last = node.expect(200, HttpMethod.GET, path, null, null);
      if (done.test(last)) {
        return last;
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new AssertionError("not reached within " + BOUND + "; last: " + last);
  }
}
