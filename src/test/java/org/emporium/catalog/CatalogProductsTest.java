package org.emporium.catalog;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Products over REST on a whole node: CRUD, prices, visibility, ownership, validation and their events. */
class CatalogProductsTest {

  @TempDir
  static Path dir;
  static CatalogNode node;
  static String shop;
  static String otherShop;
  static String root;
  static String leaf;
  static String brand;

  @BeforeAll
  static void start() {
    node = CatalogNode.start(dir, Map.of());
    shop = node.create("shops", new JsonObject().put("slug", "harbor").put("name", "Harbor"));
    otherShop = node.create("shops", new JsonObject().put("slug", "atlas").put("name", "Atlas"));
    root = node.create("categories", new JsonObject().put("slug", "clothing").put("name", "Clothing"));
    leaf = node.create("categories", new JsonObject().put("slug", "shirts").put("name", "Shirts").put("parentId", root));
    brand = node.create("brands", new JsonObject().put("slug", "acme").put("name", "Acme"));
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  static String sku() {
    return "SKU-" + UUID.randomUUID().toString().substring(0, 13);
  }

  @Test
  void aSellerCreatesPublishesUpdatesAndArchivesOwnProductWithOneEventPerChange() throws Exception {
    String seller = node.seller(shop);
    String sku = sku();
    JsonObject created = node.expect(201, HttpMethod.POST, "/api/v1/products", seller,
        CatalogNode.product(leaf, sku).put("brandId", brand));
    String id = created.getString("id");
    assertThat(created.getString("shopId")).isEqualTo(shop);
    assertThat(created.getString("status")).isEqualTo("draft");
    assertThat(created.getLong("version")).isEqualTo(1L);
    assertThat(created.getJsonObject("brand").getString("slug")).isEqualTo("acme");
    assertThat(created.getJsonObject("category").getJsonArray("path")).containsExactly(root, leaf);
    assertThat(created.getString("slug")).startsWith("linen-shirt-");
    JsonObject variant = created.getJsonArray("variants").getJsonObject(0);
    assertThat(variant.getString("sku")).isEqualTo(sku);
    assertThat(variant.getJsonObject("dimensionsMm").getInteger("height")).isEqualTo(20);

    node.expect(404, HttpMethod.GET, "/api/v1/products/" + id, null, null);
    node.expect(200, HttpMethod.GET, "/api/v1/products/" + id, seller, null);

    JsonObject published = node.expect(200, HttpMethod.PATCH, "/api/v1/products/" + id, seller,
        new JsonObject().put("status", "published"));
    assertThat(published.getString("publishedAt")).isNotNull();
    assertThat(published.getLong("version")).isEqualTo(2L);
    node.expect(200, HttpMethod.PATCH, "/api/v1/products/" + id, seller, new JsonObject().put("status", "published"));
    JsonObject renamed = node.expect(200, HttpMethod.PATCH, "/api/v1/products/" + id, seller,
        new JsonObject().put("title", "Linen shirt, blue"));
    assertThat(renamed.getString("title")).isEqualTo("Linen shirt, blue");
    assertThat(renamed.getString("publishedAt")).isEqualTo(published.getString("publishedAt"));

    JsonObject anonymous = node.expect(200, HttpMethod.GET, "/api/v1/products/" + id, null, null);
    assertThat(anonymous.getString("title")).isEqualTo("Linen shirt, blue");
    assertThat(node.expect(200, HttpMethod.GET, "/api/v1/products/by-slug/" + created.getString("slug"), null, null)
        .getString("id")).isEqualTo(id);

    node.expect(204, HttpMethod.DELETE, "/api/v1/products/" + id, seller, null);
    node.expect(404, HttpMethod.GET, "/api/v1/products/" + id, null, null);
    assertThat(node.expect(200, HttpMethod.GET, "/api/v1/products/" + id, seller, null).getString("status"))
        .isEqualTo("archived");

    assertThat(CatalogNode.types(node.events(id))).containsExactly("emporium.catalog.product.created.v1",
        "emporium.catalog.product.published.v1", "emporium.catalog.product.updated.v1",
        "emporium.catalog.product.unpublished.v1");
    JsonObject last = node.events(id).get(3);
    assertThat(last.getJsonObject("data").getJsonObject("product").getLong("version")).isEqualTo(4L);
    assertThat(last.getJsonObject("data").getJsonObject("product").getString("status")).isEqualTo("archived");
    assertThat(node.rows("SELECT topic FROM catalog.outbox WHERE aggregate_id = $1", id))
        .allMatch(row -> row.getString("topic").equals("catalog.product.v1"));
  }

  @Test
  void pricesChangeOncePerChangeAndShowInTheWantedCurrency() throws Exception {
    String seller = node.seller(shop);
    String sku = sku();
    String id = node.expect(201, HttpMethod.POST, "/api/v1/products", seller,
        CatalogNode.product(leaf, sku).put("status", "published")).getString("id");
    String path = "/api/v1/products/" + id + "/variants/" + sku + "/prices/GBP";

    JsonObject priced = node.expect(200, HttpMethod.PUT, path, seller, new JsonObject().put("amount", 1599));
    assertThat(priced.getLong("version")).isEqualTo(2L);
    node.expect(200, HttpMethod.PUT, path, seller, new JsonObject().put("amount", 1599));
    node.expect(200, HttpMethod.PUT, path, seller, new JsonObject().put("amount", 1499).put("compareAt", 1599));

    JsonObject gbp = node.expect(200, HttpMethod.GET, "/api/v1/products/" + id + "?currency=GBP", null, null)
        .getJsonArray("variants").getJsonObject(0);
    assertThat(gbp.getJsonObject("price")).isEqualTo(new JsonObject().put("amount", 1499).put("currency", "GBP"));
    assertThat(gbp.getLong("compareAt")).isEqualTo(1599L);
    assertThat(gbp.getString("priceSource")).isEqualTo("explicit");
    JsonObject chf = node.expect(200, HttpMethod.GET, "/api/v1/products/" + id + "?currency=CHF", null, null)
        .getJsonArray("variants").getJsonObject(0);
    assertThat(chf.getValue("price")).isNull();

    var events = node.events(id);
    assertThat(CatalogNode.types(events)).containsExactly("emporium.catalog.product.created.v1",
        "emporium.catalog.price.changed.v1", "emporium.catalog.price.changed.v1");
    JsonObject change = events.get(2).getJsonObject("data").getJsonObject("change");
    assertThat(change).isEqualTo(new JsonObject().put("sku", sku).put("currency", "GBP").put("amount", 1499)
        .put("compareAt", 1599).put("previousAmount", 1599));

    node.expect(400, HttpMethod.PUT, path, seller, new JsonObject().put("amount", -1));
    node.expect(400, HttpMethod.PUT, path, seller, new JsonObject().put("amount", 12.5));
    node.expect(400, HttpMethod.PUT, "/api/v1/products/" + id + "/variants/" + sku + "/prices/XYZ", seller,
        new JsonObject().put("amount", 100));
    node.expect(404, HttpMethod.PUT, "/api/v1/products/" + id + "/variants/NOPE-1/prices/GBP", seller,
        new JsonObject().put("amount", 100));
    node.expect(400, HttpMethod.GET, "/api/v1/products/" + id + "?currency=XYZ", null, null);
    assertThat(node.events(id)).hasSize(3);
  }

  @Test
  void badInputIsRefusedWithProblemsAndChangesNothing() throws Exception {
    String seller = node.seller(shop);
    String sku = sku();
    String id = node.expect(201, HttpMethod.POST, "/api/v1/products", seller, CatalogNode.product(leaf, sku))
        .getString("id");

    JsonObject duplicate = node.expect(409, HttpMethod.POST, "/api/v1/products", seller,
        CatalogNode.product(leaf, sku()).put("variants", CatalogNode.product(leaf, sku).getJsonArray("variants")));
    assertThat(duplicate.getString("detail")).contains(sku);
    assertThat(node.expect(422, HttpMethod.POST, "/api/v1/products", seller,
        CatalogNode.product(UUID.randomUUID().toString(), sku())).getString("detail")).contains("category");
    assertThat(node.expect(422, HttpMethod.POST, "/api/v1/products", seller,
        CatalogNode.product(leaf, sku()).put("brandId", UUID.randomUUID().toString())).getString("detail"))
        .contains("brand");
    JsonObject negative = CatalogNode.product(leaf, sku());
    negative.getJsonArray("variants").getJsonObject(0).getJsonArray("prices").getJsonObject(0).put("amount", -5);
    node.expect(400, HttpMethod.POST, "/api/v1/products", seller, negative);
    JsonObject unknownCurrency = CatalogNode.product(leaf, sku());
    unknownCurrency.getJsonArray("variants").getJsonObject(0).getJsonArray("prices")
        .add(new JsonObject().put("currency", "ABC").put("amount", 100));
    JsonObject problem = node.expect(400, HttpMethod.POST, "/api/v1/products", seller, unknownCurrency);
    assertThat(problem.getJsonArray("errors").encode()).contains("/variants/0/prices/2/currency");
    JsonObject noBase = CatalogNode.product(leaf, sku());
    noBase.getJsonArray("variants").getJsonObject(0).getJsonArray("prices").remove(0);
    assertThat(node.expect(400, HttpMethod.POST, "/api/v1/products", seller, noBase)
        .getJsonArray("errors").encode()).contains("base currency");
    node.expect(400, HttpMethod.POST, "/api/v1/products", seller,
        CatalogNode.product(leaf, sku()).put("title", "x".repeat(201)));
    node.expect(400, HttpMethod.PATCH, "/api/v1/products/" + id, seller,
        new JsonObject().put("description", "x".repeat(10_001)));

    String slug = node.expect(200, HttpMethod.GET, "/api/v1/products/" + id, seller, null).getString("slug");
    node.expect(409, HttpMethod.POST, "/api/v1/products", seller, CatalogNode.product(leaf, sku()).put("slug", slug));

    assertThat(node.rows("SELECT id FROM catalog.product WHERE shop_id = $1", UUID.fromString(shop)).stream()
        .filter(row -> row.getUUID(0).toString().equals(id))).hasSize(1);
    assertThat(node.events(id)).hasSize(1);
    assertThat(node.rows("SELECT sku FROM catalog.sku WHERE product_id = $1", UUID.fromString(id))).hasSize(1);
    assertThat(node.expect(200, HttpMethod.GET, "/api/v1/products/" + id, seller, null).getLong("version")).isEqualTo(1L);
  }

  @Test
  void sellersChangeOnlyTheirOwnShopsProductsAndAdminsAnyShops() throws Exception {
    String seller = node.seller(shop);
    String rival = node.seller(otherShop);
    String customer = node.customer();
    String id = node.expect(201, HttpMethod.POST, "/api/v1/products", seller, CatalogNode.product(leaf, sku()))
        .getString("id");

    node.expect(404, HttpMethod.PATCH, "/api/v1/products/" + id, rival, new JsonObject().put("title", "Mine now"));
    node.expect(404, HttpMethod.PUT, "/api/v1/products/" + id, rival, CatalogNode.product(leaf, sku()));
    node.expect(404, HttpMethod.DELETE, "/api/v1/products/" + id, rival, null);
    node.expect(404, HttpMethod.GET, "/api/v1/products/" + id, rival, null);
    node.expect(403, HttpMethod.PATCH, "/api/v1/products/" + id, customer, new JsonObject().put("title", "x"));
    node.expect(401, HttpMethod.POST, "/api/v1/products", null, CatalogNode.product(leaf, sku()));
    node.expect(400, HttpMethod.POST, "/api/v1/products", rival,
        CatalogNode.product(leaf, sku()).put("shopId", shop));
    node.expect(403, HttpMethod.POST, "/api/v1/admin/brands", seller, new JsonObject().put("slug", "x").put("name", "X"));

    node.expect(400, HttpMethod.POST, "/api/v1/products", node.admin(), CatalogNode.product(leaf, sku()));
    String adminMade = node.expect(201, HttpMethod.POST, "/api/v1/products", node.admin(),
        CatalogNode.product(leaf, sku()).put("shopId", otherShop)).getString("id");
    node.expect(200, HttpMethod.PATCH, "/api/v1/products/" + id, node.admin(), new JsonObject().put("title", "Fixed"));
    node.expect(200, HttpMethod.PATCH, "/api/v1/products/" + adminMade, rival, new JsonObject().put("title", "Ours"));

    assertThat(node.expect(200, HttpMethod.GET, "/api/v1/products/" + id, seller, null).getString("title"))
        .isEqualTo("Fixed");
    assertThat(CatalogNode.types(node.events(id))).hasSize(2);
  }

  @Test
  void aReplaceSwapsVariantsAndFreesTheOldSkus() throws Exception {
    String seller = node.seller(shop);
    String first = sku();
    String second = sku();
    String id = node.expect(201, HttpMethod.POST, "/api/v1/products", seller, CatalogNode.product(leaf, first))
        .getString("id");
    JsonObject replaced = node.expect(200, HttpMethod.PUT, "/api/v1/products/" + id, seller,
        CatalogNode.product(leaf, second).put("slug", "replaced-" + second.toLowerCase()));
    assertThat(replaced.getJsonArray("variants").getJsonObject(0).getString("sku")).isEqualTo(second);
    node.expect(200, HttpMethod.PUT, "/api/v1/products/" + id, seller,
        CatalogNode.product(leaf, second).put("slug", "replaced-" + second.toLowerCase()));
    assertThat(node.events(id)).hasSize(2);
    node.expect(201, HttpMethod.POST, "/api/v1/products", seller, CatalogNode.product(leaf, first));
  }

  @Test
  void listsPagePublishedProductsOfACategoryAndItsDescendants() {
    String seller = node.seller(shop);
    String books = node.create("categories", new JsonObject().put("slug", "books").put("name", "Books"));
    String fiction = node.create("categories", new JsonObject().put("slug", "fiction").put("name", "Fiction")
        .put("parentId", books));
    for (int i = 0; i < 3; i++) {
      node.expect(201, HttpMethod.POST, "/api/v1/products", seller,
          CatalogNode.product(i == 0 ? books : fiction, sku()).put("status", "published"));
    }
    node.expect(201, HttpMethod.POST, "/api/v1/products", seller, CatalogNode.product(fiction, sku()));

    JsonObject first = node.expect(200, HttpMethod.GET, "/api/v1/products?category=books&limit=2&currency=EUR",
        null, null);
    assertThat(first.getJsonArray("items")).hasSize(2);
    assertThat(first.getJsonArray("items").getJsonObject(0).getJsonArray("variants").getJsonObject(0)
        .getJsonObject("price").getInteger("amount")).isEqualTo(1899);
    JsonObject second = node.expect(200, HttpMethod.GET, "/api/v1/products?category=books&limit=2&cursor="
        + first.getString("nextCursor"), null, null);
    assertThat(second.getJsonArray("items")).hasSize(1);
    assertThat(second.getValue("nextCursor")).isNull();
    assertThat(node.expect(200, HttpMethod.GET, "/api/v1/products?category=" + fiction, null, null)
        .getJsonArray("items")).hasSize(2);
    assertThat(node.expect(200, HttpMethod.GET, "/api/v1/products?category=no-such", null, null)
        .getJsonArray("items")).isEmpty();

    JsonArray tree = node.expect(200, HttpMethod.GET, "/api/v1/categories", null, null).getJsonArray("items");
    JsonObject booksNode = tree.stream().map(JsonObject.class::cast).filter(c -> c.getString("slug").equals("books"))
        .findFirst().orElseThrow();
    assertThat(booksNode.getJsonArray("children").getJsonObject(0).getString("id")).isEqualTo(fiction);
  }
}
