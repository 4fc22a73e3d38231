package org.emporium.catalog.domain;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DemoCatalogTest {

  @Test
  void theSameSeedGivesTheSameCatalogAndEveryProductIsValid() {
    DemoCatalog one = new DemoCatalog(42);
    DemoCatalog two = new DemoCatalog(42);
    Set<String> skus = new HashSet<>();
    Set<String> slugs = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      DemoCatalog.Product product = one.product(i);
      assertThat(product).isEqualTo(two.product(i));
      assertThat(ProductRules.check(product.content(), "USD")).as("product %d", i).isEmpty();
      product.content().variants().forEach(v -> assertThat(skus.add(v.sku())).isTrue());
      assertThat(slugs.add(product.content().slug())).isTrue();
    }
    assertThat(one.categories()).isEqualTo(two.categories());
    assertThat(one.brands()).isEqualTo(two.brands());
    assertThat(new DemoCatalog(7).product(3)).isNotEqualTo(one.product(3));
  }

  @Test
  void someProductsHavePricesInOtherCurrenciesThanUsd() {
    DemoCatalog demo = new DemoCatalog(42);
    Set<String> currencies = new HashSet<>();
    for (int i = 0; i < 60; i++) {
      demo.product(i).content().variants().forEach(v -> v.prices().forEach(p -> currencies.add(p.currency())));
    }
    assertThat(currencies).containsExactlyInAnyOrder("USD", "EUR", "GBP", "JPY");
  }

  @Test
  void productsSpreadOverEveryLeafCategory() {
    DemoCatalog demo = new DemoCatalog(42);
    Set<java.util.UUID> used = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      used.add(demo.product(i).content().categoryId());
    }
    assertThat(used).hasSize(16);
  }
}
