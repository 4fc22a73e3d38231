package org.emporium.catalog.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ProductRulesTest {

  private static Variant variant(String sku, Price... prices) {
    return new Variant(sku, Map.of("size", "M"), null, 100, new Dimensions(10, 10, 10), List.of(prices));
  }

  private static ProductContent product(Variant... variants) {
    return new ProductContent("Shirt", null, null, null, UUID.randomUUID(), Map.of(), List.of(),
        ProductStatus.DRAFT, List.of(variants));
  }

  private static List<String> fields(ProductContent content) {
    return ProductRules.check(content, "USD").stream().map(Violation::field).toList();
  }

  @Test
  void aValidProductBreaksNoRule() {
    assertThat(fields(product(variant("A-1", new Price("USD", 100, null))))).isEmpty();
  }

  @Test
  void pricesNeedTheBaseCurrencyKnownCurrenciesAndNoNegativeAmounts() {
    assertThat(fields(product(variant("A-1", new Price("EUR", 100, null))))).containsExactly("/variants/0/prices");
    assertThat(fields(product(variant("A-1", new Price("USD", -1, null))))).containsExactly("/variants/0/prices/0/amount");
    assertThat(fields(product(variant("A-1", new Price("USD", 1, null), new Price("ABC", 1, null)))))
        .containsExactly("/variants/0/prices/1/currency");
    assertThat(fields(product(variant("A-1", new Price("USD", 1, null), new Price("USD", 2, null)))))
        .containsExactly("/variants/0/prices/1/currency");
  }

  @Test
  void skusMustBeWellFormedAndUniqueInTheProduct() {
    assertThat(fields(product(variant("A-1", new Price("USD", 1, null)), variant("A-1", new Price("USD", 1, null)))))
        .containsExactly("/variants/1/sku");
    assertThat(fields(product(variant("-bad", new Price("USD", 1, null))))).containsExactly("/variants/0/sku");
  }

  @Test
  void textsAreBounded() {
    ProductContent long_ = new ProductContent("x".repeat(201), "Not A Slug", "d".repeat(10_001), null, null,
        Map.of("9bad", "v"), List.of(new Media("ftp://x", null)), ProductStatus.DRAFT,
        List.of(variant("A-1", new Price("USD", 1, null))));
    assertThat(fields(long_)).containsExactlyInAnyOrder("/title", "/slug", "/description", "/categoryId",
        "/attributes/9bad", "/media/0/url");
  }

  @Test
  void derivedSlugsAreUrlSafeAndDifferPerProduct() {
    UUID id = UUID.fromString("0190a8c2-0000-7000-8000-00000000abcd");
    assertThat(Slugs.derive("Crème brûlée, Pot #2!", id)).isEqualTo("creme-brulee-pot-2-00abcd");
    assertThat(Slugs.derive("!!!", id)).isEqualTo("product-00abcd");
  }
}
