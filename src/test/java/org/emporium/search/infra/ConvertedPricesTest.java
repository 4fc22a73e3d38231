package org.emporium.search.infra;

import io.vertx.core.json.JsonObject;
import org.emporium.search.application.SearchPage;
import org.emporium.search.domain.IndexedProduct;
import org.emporium.search.domain.IndexedProduct.Named;
import org.emporium.search.domain.SearchQuery;
import org.emporium.search.domain.SortOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prices in a currency a product has no explicit price in, through the exchange-rate port: the base
 * price converted, while explicit prices win. Real Lucene index on disk.
 */
class ConvertedPricesTest {

  static final Currency EUR = Currency.getInstance("EUR");
  /** EUR cents per USD cent. */
  static final double RATE = 0.9;
  @TempDir
  Path dir;
  ReplicaIndex index;
  ProductSearch search;

  @BeforeEach
  void index() {
    index = ReplicaIndex.open(dir);
    index.apply(product("a", "Alpha Chair", Map.of("USD", 10_000L)));
    index.apply(product("b", "Beta Chair", Map.of("USD", 5_000L, "EUR", 9_500L)));
    index.apply(product("c", "Gamma Chair", Map.of("USD", 2_000L)));
    index.apply(product("d", "Delta Chair", Map.of("USD", 1_000L, "EUR", 20_000L)));
    index.refresh();
    search = new ProductSearch(index, "USD");
  }

  @AfterEach
  void close() {
    index.close();
  }

  static IndexedProduct product(String id, String title, Map<String, Long> prices) {
    return new IndexedProduct(id, 1, "published", id, title, null, new Named("b1", "seats", "Seats"),
        new Named("c1", "chairs", "Chairs"), List.of("c1"), List.of("SKU-" + id), prices, null, 0);
  }

  SearchPage query(Long min, Long max, SortOrder sort, double rate) throws Exception {
    return search.search(new SearchQuery("chair", null, null, min, max, EUR, false, sort, 10, null), null, rate);
  }

  static List<String> ids(SearchPage page) {
    return page.items().stream().map(i -> i.getString("productId")).toList();
  }

  @Test
  void theBasePriceIsConvertedWhenThereIsNoExplicitOne() throws Exception {
    SearchPage page = query(null, null, SortOrder.PRICE_ASC, RATE);

    assertThat(ids(page)).containsExactly("c", "a", "b", "d");
    assertThat(page.items().get(0).getJsonObject("price")).isEqualTo(new JsonObject().put("amount", 1_800L).put("currency", "EUR"));
    assertThat(page.items().get(1).getJsonObject("price").getLong("amount")).isEqualTo(9_000L);
    assertThat(page.items().get(2).getJsonObject("price").getLong("amount")).isEqualTo(9_500L);
  }

  @Test
  void aPriceRangeInTheRequestedCurrencyMatchesConvertedAndExplicitPrices() throws Exception {
    assertThat(ids(query(8_000L, 10_000L, SortOrder.PRICE_ASC, RATE))).containsExactly("a", "b");
    assertThat(ids(query(null, 2_000L, SortOrder.PRICE_ASC, RATE))).containsExactly("c");
    assertThat(ids(query(15_000L, null, SortOrder.PRICE_DESC, RATE))).containsExactly("d");
  }

  @Test
  void priceFacetsCountEveryMatchInTheRequestedCurrency() throws Exception {
    JsonObject facets = query(null, null, SortOrder.RELEVANCE, RATE).facets();

    assertThat(facets.getJsonArray("priceRanges").stream().mapToLong(r -> ((JsonObject) r).getLong("count")).sum())
        .isEqualTo(4);
    assertThat(facets.getJsonArray("priceRanges")).contains(new JsonObject().put("min", 5_000L).put("count", 2L)
        .put("max", 10_000L));
  }

  @Test
  void withoutARateOnlyExplicitPricesCount() throws Exception {
    assertThat(ids(query(0L, null, SortOrder.PRICE_ASC, Double.NaN))).containsExactly("b", "d");
    SearchPage all = query(null, null, SortOrder.PRICE_ASC, Double.NaN);
    assertThat(ids(all)).containsExactly("b", "d", "a", "c");
    assertThat(all.items().get(2).containsKey("price")).isFalse();
  }

  @Test
  void anOlderSnapshotDoesNotReplaceANewerOne() throws Exception {
    IndexedProduct newer = new IndexedProduct("a", 5, "published", "a", "Alpha Sofa", null, null, null, List.of(),
        List.of("SKU-a"), Map.of("USD", 1L), null, 0);
    IndexedProduct older = new IndexedProduct("a", 4, "published", "a", "Alpha Stool", null, null, null, List.of(),
        List.of("SKU-a"), Map.of("USD", 1L), null, 0);

    assertThat(index.apply(newer)).isTrue();
    assertThat(index.apply(older)).isFalse();
    assertThat(index.apply(newer)).as("the same version again").isFalse();
  }
}
