package org.emporium.catalog;

import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.grpc.client.InvalidStatusException;
import io.vertx.grpc.common.GrpcStatus;
import org.emporium.edge.grpc.BearerGrpcClient;
import org.emporium.edge.grpc.catalog.v1.BatchGetBySkuRequest;
import org.emporium.edge.grpc.catalog.v1.CatalogServiceGrpcClient;
import org.emporium.edge.grpc.catalog.v1.GetProductRequest;
import org.emporium.edge.grpc.catalog.v1.ListProductsRequest;
import org.emporium.edge.grpc.catalog.v1.Product;
import org.emporium.edge.grpc.catalog.v1.ProductPage;
import org.emporium.edge.grpc.catalog.v1.SkuBatch;
import org.emporium.platform.error.ErrorCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog's event-bus addresses for other contexts, the snapshot cache's freshness, and gRPC. */
class CatalogLookupsTest {

  @TempDir
  static Path dir;
  static CatalogNode node;
  static String seller;
  static String category;
  static String published;
  static String draft;
  static String publishedSku;
  static String draftSku;

  @BeforeAll
  static void start() {
    node = CatalogNode.start(dir, Map.of(
        "pricing.fx.demoRates", "{\"CHF\": \"0.88\", \"JPY\": \"151\", \"ISK\": \"137.4\", \"GBP\": \"0.79\"}",
        "pricing.rounding.cashIncrements", "{\"ISK\": \"10\"}",
        "pricing.rounding.charmEndings", "{\"GBP\": \"0.99\"}"));
    String shop = node.create("shops", new JsonObject().put("slug", "harbor").put("name", "Harbor"));
    category = node.create("categories", new JsonObject().put("slug", "shoes").put("name", "Shoes"));
    seller = node.seller(shop);
    publishedSku = "PUB-" + UUID.randomUUID().toString().substring(0, 8);
    draftSku = "DRAFT-" + UUID.randomUUID().toString().substring(0, 8);
    published = node.expect(201, HttpMethod.POST, "/api/v1/products", seller,
        CatalogNode.product(category, publishedSku).put("status", "published")).getString("id");
    draft = node.expect(201, HttpMethod.POST, "/api/v1/products", seller, CatalogNode.product(category, draftSku))
        .getString("id");
  }

  @AfterAll
  static void stop() throws Exception {
    node.close();
  }

  @Test
  void lookupSkusAnswersEveryStatusWithPricesAndNamesTheMissing() throws Exception {
    JsonObject reply = node.request("catalog.lookupSkus", new JsonObject()
        .put("skus", new JsonArray().add(publishedSku).add(draftSku).add("NO-SUCH")).put("currency", "EUR"));
    assertThat(reply.getJsonArray("missing")).containsExactly("NO-SUCH");
    JsonObject first = reply.getJsonArray("items").getJsonObject(0);
    assertThat(first.getString("sku")).isEqualTo(publishedSku);
    assertThat(first.getString("productId")).isEqualTo(published);
    assertThat(first.getString("status")).isEqualTo("published");
    assertThat(first.getJsonObject("price")).isEqualTo(new JsonObject().put("amount", 1899).put("currency", "EUR"));
    assertThat(first.getLong("compareAt")).isEqualTo(2299L);
    assertThat(first.getString("priceSource")).isEqualTo("explicit");
    assertThat(first.getInteger("weightGrams")).isEqualTo(300);
    assertThat(first.getJsonArray("categoryPath")).containsExactly(category);
    assertThat(first.getJsonObject("basePrice")).isEqualTo(new JsonObject().put("amount", 1999).put("currency", "USD"));
    assertThat(reply.getJsonArray("items").getJsonObject(1).getString("status")).isEqualTo("draft");

    JsonObject usd = node.request("catalog.lookupSkus", new JsonObject().put("skus", new JsonArray().add(draftSku)));
    assertThat(usd.getJsonArray("items").getJsonObject(0).getJsonObject("price").getString("currency")).isEqualTo("USD");
    JsonObject krona = node.request("catalog.lookupSkus", new JsonObject().put("skus", new JsonArray().add(draftSku))
        .put("currency", "SEK"));
    assertThat(krona.getJsonArray("items").getJsonObject(0).getValue("price")).isNull();
    assertThat(krona.getJsonArray("items").getJsonObject(0).getValue("priceSource")).isNull();

    assertThat(node.problem("catalog.lookupSkus", new JsonObject().put("skus", new JsonArray())).code())
        .isEqualTo(ErrorCode.BAD_REQUEST);
    JsonArray tooMany = new JsonArray();
    for (int i = 0; i < 201; i++) {
      tooMany.add("S-" + i);
    }
    assertThat(node.problem("catalog.lookupSkus", new JsonObject().put("skus", tooMany)).code())
        .isEqualTo(ErrorCode.BAD_REQUEST);
  }

  @Test
  void aCurrencyWithoutItsOwnPriceGetsTheBasePriceConvertedAtThePricingRate() throws Exception {
    JsonObject yen = node.request("catalog.lookupSkus", new JsonObject().put("skus", new JsonArray().add(publishedSku))
        .put("currency", "JPY")).getJsonArray("items").getJsonObject(0);
    // 19.99 USD x 151 = 3018.49, rounded once at the yen's exponent (0)
    assertThat(yen.getJsonObject("price")).isEqualTo(new JsonObject().put("amount", 3018).put("currency", "JPY"));
    assertThat(yen.getString("priceSource")).isEqualTo("converted");
    JsonObject chf = node.expect(200, HttpMethod.GET, "/api/v1/products/" + published + "?currency=CHF", null, null)
        .getJsonArray("variants").getJsonObject(0);
    assertThat(chf.getJsonObject("price")).isEqualTo(new JsonObject().put("amount", 1759).put("currency", "CHF"));
    assertThat(chf.getString("priceSource")).isEqualTo("converted");
    // 19.99 x 137.4 = 2746.626 ISK, rounded once to the configured 10 kr cash increment
    JsonObject krona = node.request("catalog.lookupSkus", new JsonObject().put("skus", new JsonArray().add(publishedSku))
        .put("currency", "ISK")).getJsonArray("items").getJsonObject(0);
    assertThat(krona.getJsonObject("price")).isEqualTo(new JsonObject().put("amount", 2750).put("currency", "ISK"));
    // 19.99 x 0.79 = 15.79 GBP, then the configured charm ending: the nearest .99 is 15.99
    JsonObject pound = node.request("catalog.lookupSkus", new JsonObject().put("skus", new JsonArray().add(publishedSku))
        .put("currency", "GBP")).getJsonArray("items").getJsonObject(0);
    assertThat(pound.getJsonObject("price")).isEqualTo(new JsonObject().put("amount", 1599).put("currency", "GBP"));
    assertThat(pound.getLong("compareAt")).as("no base compare-at price").isNull();
    JsonObject eur = node.expect(200, HttpMethod.GET, "/api/v1/products/" + published + "?currency=EUR", null, null)
        .getJsonArray("variants").getJsonObject(0);
    assertThat(eur.getString("priceSource")).isEqualTo("explicit");
  }

  @Test
  void exportPagesThroughPublishedSnapshotsOnlyAndTheTreeIsFlat() throws Exception {
    JsonObject all = node.request("catalog.exportProducts", new JsonObject().putNull("after").put("limit", 1000));
    assertThat(all.getJsonArray("items").stream().map(p -> ((JsonObject) p).getString("status")))
        .containsOnly("published");
    assertThat(all.getJsonArray("items").stream().map(p -> ((JsonObject) p).getString("id"))).contains(published)
        .doesNotContain(draft);
    assertThat(all.getValue("next")).isNull();
    JsonObject snapshot = all.getJsonArray("items").getJsonObject(0);
    assertThat(snapshot.fieldNames()).contains("id", "shopId", "slug", "title", "description", "status", "brand",
        "category", "attributes", "media", "variants", "createdAt", "updatedAt", "publishedAt", "version");

    JsonObject one = node.request("catalog.exportProducts", new JsonObject().put("limit", 1));
    assertThat(one.getJsonArray("items")).hasSize(1);

    JsonObject tree = node.request("catalog.categoryTree", new JsonObject());
    assertThat(tree.getJsonArray("items").getJsonObject(0).fieldNames())
        .containsExactlyInAnyOrder("id", "parentId", "slug", "name", "position", "active");
  }

  @Test
  void aChangeIsSeenAtOnceThroughTheCacheAndACategoryRenameToo() throws Exception {
    String path = "/api/v1/products/" + published;
    node.expect(200, HttpMethod.GET, path, null, null);
    node.expect(200, HttpMethod.GET, path, null, null);
    node.expect(200, HttpMethod.PATCH, path, seller, new JsonObject().put("title", "Renamed while cached"));
    assertThat(node.expect(200, HttpMethod.GET, path, null, null).getString("title")).isEqualTo("Renamed while cached");
    JsonObject lookup = node.request("catalog.lookupSkus", new JsonObject().put("skus", new JsonArray().add(publishedSku)));
    assertThat(lookup.getJsonArray("items").getJsonObject(0).getString("title")).isEqualTo("Renamed while cached");

    node.expect(200, HttpMethod.PUT, "/api/v1/admin/categories/" + category, node.admin(),
        new JsonObject().put("slug", "shoes").put("name", "Footwear"));
    assertThat(node.expect(200, HttpMethod.GET, path, null, null).getJsonObject("category").getString("name"))
        .isEqualTo("Footwear");
  }

  @Test
  void aSkuThatMovesToAnotherProductOrIsFreedIsLookedUpAsItIsNow() throws Exception {
    String moving = "MOVING-" + UUID.randomUUID().toString().substring(0, 8);
    String freed = "FREED-" + UUID.randomUUID().toString().substring(0, 8);
    JsonObject both = CatalogNode.product(category, moving, freed).put("status", "published");
    both.getJsonArray("variants").getJsonObject(1).put("options", new JsonObject().put("size", "L"));
    String first = node.expect(201, HttpMethod.POST, "/api/v1/products", seller, both).getString("id");
    JsonObject lookup = new JsonObject().put("skus", new JsonArray().add(moving).add(freed));
    for (int i = 0; i < 2; i++) {
      assertThat(node.request("catalog.lookupSkus", lookup).getJsonArray("items").stream()
          .map(item -> ((JsonObject) item).getString("productId"))).containsExactly(first, first);
    }

    // the first product gives both SKUs up and another product takes one: the lookups remembered
    // the first product for both, and its snapshot now says otherwise
    node.expect(200, HttpMethod.PUT, "/api/v1/products/" + first, seller,
        CatalogNode.product(category, moving + "-B").put("status", "published"));
    String second = node.expect(201, HttpMethod.POST, "/api/v1/products", seller,
        CatalogNode.product(category, moving).put("status", "published")).getString("id");
    JsonObject now = node.request("catalog.lookupSkus", lookup);
    assertThat(now.getJsonArray("items")).hasSize(1);
    assertThat(now.getJsonArray("items").getJsonObject(0).getString("sku")).isEqualTo(moving);
    assertThat(now.getJsonArray("items").getJsonObject(0).getString("productId")).isEqualTo(second);
    assertThat(now.getJsonArray("missing")).containsExactly(freed);
  }

  @Test
  void categoriesMoveWithTheirSubtreeAndCannotMoveUnderThemselves() {
    String a = node.create("categories", new JsonObject().put("slug", "a-root").put("name", "A"));
    String b = node.create("categories", new JsonObject().put("slug", "b-child").put("name", "B").put("parentId", a));
    String c = node.create("categories", new JsonObject().put("slug", "c-leaf").put("name", "C").put("parentId", b));
    String other = node.create("categories", new JsonObject().put("slug", "other-root").put("name", "Other"));
    String id = node.expect(201, HttpMethod.POST, "/api/v1/products", seller,
        CatalogNode.product(c, "MOVE-" + UUID.randomUUID().toString().substring(0, 8))).getString("id");

    node.expect(422, HttpMethod.PUT, "/api/v1/admin/categories/" + a, node.admin(),
        new JsonObject().put("slug", "a-root").put("name", "A").put("parentId", c));
    node.expect(409, HttpMethod.POST, "/api/v1/admin/categories", node.admin(),
        new JsonObject().put("slug", "a-root").put("name", "Again"));
    node.expect(200, HttpMethod.PUT, "/api/v1/admin/categories/" + b, node.admin(),
        new JsonObject().put("slug", "b-child").put("name", "B").put("parentId", other));
    assertThat(node.expect(200, HttpMethod.GET, "/api/v1/products/" + id, seller, null).getJsonObject("category")
        .getJsonArray("path")).containsExactly(other, b, c);
  }

  @Test
  void grpcReadsPublishedProductsAnonymouslyAndBatchesBySku() throws Exception {
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    GrpcClient client = GrpcClient.client(vertx, new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
        .setHttp2ClearTextUpgrade(false));
    SocketAddress edge = SocketAddress.inetSocketAddress(node.port(), "127.0.0.1");
    try {
      CatalogServiceGrpcClient anonymous = CatalogServiceGrpcClient.create(client, edge);
      Product product = anonymous.getProduct(GetProductRequest.newBuilder().setId(published).setCurrency("EUR").build())
          .await(15, TimeUnit.SECONDS);
      assertThat(product.getId()).isEqualTo(published);
      assertThat(product.getVariants(0).getSku()).isEqualTo(publishedSku);
      assertThat(product.getVariants(0).getPrice().getAmount()).isEqualTo(1899L);
      assertThat(product.getCategory().getPathList()).containsExactly(category);

      assertThatThrownBy(() -> anonymous.getProduct(GetProductRequest.newBuilder().setId(draft).build())
          .await(15, TimeUnit.SECONDS)).isInstanceOfSatisfying(InvalidStatusException.class,
              e -> assertThat(e.actualStatus()).isEqualTo(GrpcStatus.NOT_FOUND));
      CatalogServiceGrpcClient owner = CatalogServiceGrpcClient.create(new BearerGrpcClient(client, seller), edge);
      assertThat(owner.getProduct(GetProductRequest.newBuilder().setId(draft).build()).await(15, TimeUnit.SECONDS)
          .getStatus()).isEqualTo("draft");

      ProductPage page = anonymous.listProducts(ListProductsRequest.newBuilder().setLimit(100).build())
          .await(15, TimeUnit.SECONDS);
      assertThat(page.getItemsList()).extracting(Product::getId).contains(published).doesNotContain(draft);

      SkuBatch batch = anonymous.batchGetBySku(BatchGetBySkuRequest.newBuilder()
          .addAllSkus(List.of(publishedSku, draftSku, "NO-SUCH")).build()).await(15, TimeUnit.SECONDS);
      assertThat(batch.getItemsCount()).isEqualTo(1);
      assertThat(batch.getItems(0).getPrice().getAmount()).isEqualTo(1999L);
      assertThat(batch.getMissingList()).containsExactlyInAnyOrder(draftSku, "NO-SUCH");
    } finally {
      client.close().await(5, TimeUnit.SECONDS);
      vertx.close().await(5, TimeUnit.SECONDS);
    }
  }
}
