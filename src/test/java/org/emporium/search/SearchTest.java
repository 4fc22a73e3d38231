package org.emporium.search;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.emporium.search.Products.ACCESSORIES;
import static org.emporium.search.Products.APPAREL;
import static org.emporium.search.Products.ELECTRONICS;
import static org.emporium.search.Products.PHONES;
import static org.emporium.search.SearchFixture.eventually;

/**
 * Search over REST on a real node: catalog and stock events go through the real Kafka topics into
 * the node's replica; queries go through the edge and the event bus.
 */
class SearchTest {

  static final Duration BOUND = Duration.ofSeconds(20);
  @TempDir
  static Path dir;
  static SearchFixture fixture;

  static final String IPHONE = id(1);
  static final String CASE = id(2);
  static final String GALAXY = id(3);
  static final String PIXEL = id(4);
  static final String SHIRT = id(5);
  static final String CHARGER = id(6);

  static String id(int n) {
    return String.format("01930000-0000-7000-8000-%012d", n);
  }

  @BeforeAll
  static void start() {
    fixture = new SearchFixture(dir);
    fixture.deployEmptyReplica(fixture.vertx, fixture.standIns, dir.resolve("replica"), null);
    fixture.catalogEvent("published", Products.product(IPHONE, "iPhone 15", "Apple", PHONES, "IPH-15",
        Map.of("USD", 79900L, "EUR", 89900L), "2026-11-01T10:00:00Z", 1));
    fixture.catalogEvent("published", Products.product(CASE, "iPhone 15 Silicone Case", "Casely", ACCESSORIES, "CASE-15",
        Map.of("USD", 2900L), "2026-11-02T10:00:00Z", 1));
    fixture.catalogEvent("published", Products.product(GALAXY, "Galaxy S24", "Samsung", PHONES, "GAL-24",
        Map.of("USD", 69900L, "EUR", 74900L), "2026-11-03T10:00:00Z", 1));
    fixture.catalogEvent("published", Products.product(PIXEL, "Pixel 8", "Google", PHONES, "PIX-8",
        Map.of("USD", 59900L), "2026-11-04T10:00:00Z", 1));
    fixture.catalogEvent("published", Products.product(SHIRT, "Cotton T-Shirt", "Basics", APPAREL, "TEE-1",
        Map.of("USD", 1500L, "EUR", 1400L), "2026-11-05T10:00:00Z", 1));
    fixture.catalogEvent("published", Products.product(CHARGER, "Wireless Charger for iPhone", "Casely", ACCESSORIES,
        "CHG-1", Map.of("USD", 3900L), "2026-11-06T10:00:00Z", 1));
    fixture.catalogEvent("created", Products.product(id(7), "iPhone Prototype", "Apple", PHONES, "PROTO-1",
        Map.of("USD", 100L), "2026-11-07T10:00:00Z", 1).put("status", "draft").putNull("publishedAt"));
    eventually(() -> fixture.search("limit=100").getLong("total"), total -> total >= 6, BOUND);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  static List<String> names(JsonObject result) {
    return result.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("name")).toList();
  }

  static List<String> ids(JsonObject result) {
    return result.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("productId")).toList();
  }

  @Test
  void anExactTitleMatchRanksFirst() {
    JsonObject result = fixture.search("q=iPhone%2015");

    assertThat(names(result)).first().isEqualTo("iPhone 15");
    assertThat(names(result)).contains("iPhone 15 Silicone Case");
    assertThat(result.getJsonArray("items").getJsonObject(0).getDouble("score"))
        .isGreaterThan(result.getJsonArray("items").getJsonObject(1).getDouble("score"));
  }

  @Test
  void aTypoStillFindsTheProduct() {
    assertThat(names(fixture.search("q=iphnoe"))).contains("iPhone 15", "iPhone 15 Silicone Case");
    assertThat(names(fixture.search("q=galxy"))).containsExactly("Galaxy S24");
  }

  @Test
  void aSkuFindsItsProductAndDraftsNeverAppear() {
    assertThat(names(fixture.search("q=PIX-8"))).first().isEqualTo("Pixel 8");
    assertThat(names(fixture.search("q=prototype"))).isEmpty();
    assertThat(fixture.search("category=" + PHONES).getLong("total")).isEqualTo(3);
  }

  @Test
  void facetCountsEqualTheMatchingDocuments() {
    JsonObject result = fixture.search("q=iphone");
    JsonObject facets = result.getJsonObject("facets");

    assertThat(result.getLong("total")).isEqualTo(3);
    assertThat(facetCounts(facets.getJsonArray("brands"))).isEqualTo(Map.of("casely", 2L, "apple", 1L));
    assertThat(facetCounts(facets.getJsonArray("categories"))).isEqualTo(Map.of(ACCESSORIES, 2L, PHONES, 1L));
    assertThat(facets.getJsonArray("brands").getJsonObject(0).getString("label")).isEqualTo("Casely");
    long inRanges = facets.getJsonArray("priceRanges").stream().mapToLong(r -> ((JsonObject) r).getLong("count")).sum();
    assertThat(inRanges).isEqualTo(3);
    assertThat(facets.getJsonArray("priceRanges")).contains(
        new JsonObject().put("min", 2500L).put("count", 2L).put("max", 5000L),
        new JsonObject().put("min", 50000L).put("count", 1L).put("max", 100000L));
  }

  private static Map<String, Long> facetCounts(JsonArray values) {
    Map<String, Long> counts = new java.util.HashMap<>();
    values.forEach(v -> counts.put(((JsonObject) v).getString("value"), ((JsonObject) v).getLong("count")));
    return counts;
  }

  @Test
  void aCategoryMatchesItsSubcategoriesByIdOrSlug() {
    assertThat(ids(fixture.search("category=" + ELECTRONICS + "&limit=100")))
        .containsExactlyInAnyOrder(IPHONE, CASE, GALAXY, PIXEL, CHARGER);
    assertThat(ids(fixture.search("category=electronics&limit=100")))
        .containsExactlyInAnyOrder(IPHONE, CASE, GALAXY, PIXEL, CHARGER);
    assertThat(ids(fixture.search("category=phones"))).containsExactlyInAnyOrder(IPHONE, GALAXY, PIXEL);
    assertThat(ids(fixture.search("category=apparel&brand=Casely"))).isEmpty();
  }

  @Test
  void aBrandFiltersByNameOrSlug() {
    assertThat(ids(fixture.search("brand=casely"))).containsExactlyInAnyOrder(CASE, CHARGER);
    assertThat(ids(fixture.search("brand=Casely&q=charger"))).containsExactly(CHARGER);
  }

  @Test
  void pricesFilterInTheRequestedCurrencyByItsExplicitPrices() {
    JsonObject eur = fixture.search("currency=EUR&minPrice=80000");
    assertThat(ids(eur)).containsExactly(IPHONE);
    assertThat(eur.getJsonArray("items").getJsonObject(0).getJsonObject("price"))
        .isEqualTo(new JsonObject().put("amount", 89900L).put("currency", "EUR"));
    assertThat(ids(fixture.search("currency=EUR&maxPrice=100000&limit=100")))
        .containsExactlyInAnyOrder(IPHONE, GALAXY, SHIRT);
    assertThat(ids(fixture.search("currency=USD&minPrice=2900&maxPrice=59900&limit=100")))
        .containsExactlyInAnyOrder(CASE, PIXEL, CHARGER);
    assertThat(fixture.search("currency=EUR").getString("currency")).isEqualTo("EUR");
  }

  @Test
  void pricesInACurrencyWithoutExplicitPricesAreConvertedWithTheExchangeRates() {
    String electronics = "category=" + ELECTRONICS + "&currency=GBP&limit=100";
    JsonObject gbp = fixture.search(electronics + "&maxPrice=3200&sort=price_asc");

    assertThat(ids(gbp)).containsExactly(CASE, CHARGER);
    assertThat(gbp.getJsonArray("items").getJsonObject(0).getJsonObject("price"))
        .isEqualTo(new JsonObject().put("amount", 2320L).put("currency", "GBP"));
    assertThat(gbp.getString("currency")).isEqualTo("GBP");
    assertThat(gbp.getJsonObject("facets").getJsonArray("priceRanges"))
        .containsExactly(new JsonObject().put("min", 1000L).put("count", 1L).put("max", 2500L),
            new JsonObject().put("min", 2500L).put("count", 1L).put("max", 5000L));
    assertThat(ids(fixture.search(electronics + "&minPrice=3000&maxPrice=3120"))).containsExactly(CHARGER);
    assertThat(ids(fixture.search(electronics + "&minPrice=3121"))).containsExactlyInAnyOrder(PIXEL, GALAXY, IPHONE);
    assertThat(ids(fixture.search("category=" + ELECTRONICS + "&currency=GBP&sort=price_desc&limit=100")))
        .containsExactly(IPHONE, GALAXY, PIXEL, CHARGER, CASE);
  }

  @Test
  void sortsByPriceAndNewest() {
    String electronics = "category=" + ELECTRONICS + "&limit=100";
    assertThat(ids(fixture.search(electronics + "&sort=price_asc"))).containsExactly(CASE, CHARGER, PIXEL, GALAXY, IPHONE);
    assertThat(ids(fixture.search(electronics + "&sort=price_desc"))).containsExactly(IPHONE, GALAXY, PIXEL, CHARGER, CASE);
    assertThat(ids(fixture.search(electronics + "&sort=newest"))).containsExactly(CHARGER, PIXEL, GALAXY, CASE, IPHONE);
    assertThat(ids(fixture.search("currency=EUR&sort=price_asc&limit=100")))
        .startsWith(SHIRT, GALAXY, IPHONE);
  }

  @Test
  void cursorsPageThroughEveryHitOnceInOrder() {
    for (String sort : List.of("price_asc", "price_desc", "newest", "relevance")) {
      String electronics = "category=" + ELECTRONICS + "&sort=" + sort;
      List<String> all = ids(fixture.search(electronics + "&limit=100"));
      List<String> paged = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        JsonObject page = fixture.search(electronics + "&limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
        paged.addAll(ids(page));
        cursor = page.getString("nextCursor");
        pages++;
      } while (cursor != null && pages < 10);
      assertThat(paged).as(sort).isEqualTo(all);
      assertThat(all).hasSize(5);
      assertThat(pages).isEqualTo(3);
    }
  }

  @Test
  void badParametersAreProblemsWithFieldErrors() {
    HttpResponse<Buffer> prices = fixture.get("/api/v1/search?minPrice=500&maxPrice=100");
    assertThat(prices.statusCode()).isEqualTo(400);
    assertThat(prices.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("/maxPrice");
    HttpResponse<Buffer> cursor = fixture.get("/api/v1/search?cursor=bm90LWEtY3Vyc29y");
    assertThat(cursor.statusCode()).isEqualTo(400);
    assertThat(cursor.bodyAsJsonObject().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("/cursor");
    String priceCursor = fixture.search("sort=price_asc&limit=1").getString("nextCursor");
    assertThat(fixture.get("/api/v1/search?sort=newest&cursor=" + priceCursor).statusCode()).isEqualTo(400);
    assertThat(fixture.get("/api/v1/search?sort=cheapest").statusCode()).isEqualTo(400);
  }

  @Test
  void suggestionsCompleteTheLastWord() {
    JsonObject result = fixture.get("/api/v1/search/suggestions?q=iph").bodyAsJsonObject();
    List<String> texts = result.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("text")).toList();

    assertThat(texts).containsExactlyInAnyOrder("iPhone 15", "iPhone 15 Silicone Case", "Wireless Charger for iPhone");
    assertThat(texts.get(0)).startsWith("iPhone");
    assertThat(fixture.get("/api/v1/search/suggestions?q=iphone%2015%20sil").bodyAsJsonObject().getJsonArray("items")
        .getJsonObject(0).getString("text")).isEqualTo("iPhone 15 Silicone Case");
    assertThat(fixture.get("/api/v1/search/suggestions").statusCode()).isEqualTo(400);
  }

  @Test
  void inStockFollowsStockEventsOfTheNodesRegion() {
    String id = UUID.randomUUID().toString();
    fixture.catalogEvent("published", Products.product(id, "Stocked Kettle", "Brewco", APPAREL, "KETTLE-1",
        Map.of("USD", 4500L), "2026-11-08T10:00:00Z", 1));
    eventually(() -> ids(fixture.search("q=kettle")), found -> found.contains(id), BOUND);
    assertThat(ids(fixture.search("q=kettle&inStock=true"))).isEmpty();

    fixture.stockEvent("KETTLE-1", "test-1", 3);
    eventually(() -> ids(fixture.search("q=kettle&inStock=true")), found -> found.contains(id), BOUND);

    fixture.stockEvent("KETTLE-1", "other-region", 0);
    fixture.stockEvent("KETTLE-1", "test-1", 0);
    eventually(() -> ids(fixture.search("q=kettle&inStock=true")), List::isEmpty, BOUND);
    assertThat(ids(fixture.search("q=kettle"))).containsExactly(id);
  }

  @Test
  void anOlderSnapshotIsIgnored() {
    String id = UUID.randomUUID().toString();
    JsonObject lamp = Products.product(id, "Lamp Gamma", "Lumen", APPAREL, "LAMP-1", Map.of("USD", 900L),
        "2026-11-09T10:00:00Z", 3);
    fixture.catalogEvent("updated", lamp);
    eventually(() -> ids(fixture.search("q=gamma")), found -> found.contains(id), BOUND);

    fixture.catalogEvent("updated", Products.withVersion(lamp.copy().put("title", "Lamp Beta"), 2));
    String marker = UUID.randomUUID().toString();
    fixture.catalogEvent(id, "created", Products.product(marker, "Marker Quokka", "Lumen", APPAREL, "MARK-1",
        Map.of("USD", 100L), "2026-11-09T10:00:00Z", 1));
    eventually(() -> ids(fixture.search("q=quokka")), found -> found.contains(marker), BOUND);

    assertThat(ids(fixture.search("q=beta"))).doesNotContain(id);
    assertThat(ids(fixture.search("q=gamma"))).containsExactly(id);
  }

  @Test
  void anUnpublishedProductDisappears() {
    String id = UUID.randomUUID().toString();
    JsonObject vase = Products.product(id, "Vanishing Vase", "Potter", APPAREL, "VASE-1", Map.of("USD", 2000L),
        "2026-11-10T10:00:00Z", 1);
    fixture.catalogEvent("published", vase);
    eventually(() -> ids(fixture.search("q=vase")), found -> found.contains(id), BOUND);

    fixture.catalogEvent("unpublished", Products.withVersion(vase, 2).put("status", "archived"));
    eventually(() -> ids(fixture.search("q=vase")), List::isEmpty, BOUND);
    assertThat(fixture.get("/api/v1/search/suggestions?q=vanish").bodyAsJsonObject().getJsonArray("items")).isEmpty();
  }
}
