package org.emporium.cart.domain;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CartRulesTest {

  private final CartRules rules = new CartRules(999, 100, 5);

  @Test
  void aLineNeedsAWellFormedSkuAndOneTo999Units() {
    assertThat(rules.line("/sku", "SKU-1", "/quantity", 1L)).isEmpty();
    assertThat(rules.line("/sku", "SKU-1", "/quantity", 999L)).isEmpty();
    assertThat(rules.line("/sku", "SKU-1", "/quantity", 0L)).extracting(Violation::field).containsExactly("/quantity");
    assertThat(rules.line("/sku", "SKU-1", "/quantity", 1000L)).extracting(Violation::field).containsExactly("/quantity");
    assertThat(rules.line("/sku", "-bad", "/quantity", null)).extracting(Violation::field)
        .containsExactly("/sku", "/quantity");
    assertThat(rules.sku("sku", "x".repeat(65))).isPresent();
  }

  @Test
  void couponCodesAndCurrenciesHaveAForm() {
    assertThat(rules.couponCode("/code", "SAVE-10_a")).isEmpty();
    assertThat(rules.couponCode("/code", "no spaces")).isPresent();
    assertThat(rules.couponCode("/code", "x".repeat(33))).isPresent();
    assertThat(CartRules.currency("/currency", "EUR")).isEmpty();
    assertThat(CartRules.currency("/currency", "eur")).isPresent();
    assertThat(CartRules.currency("/currency", "XXX")).as("no minor unit").isPresent();
    assertThat(CartRules.currency("/currency", "ZZZ")).isPresent();
  }

  @Test
  void onlyPublishedSkusWithAPriceInTheCurrencyAreSold() {
    UUID product = UUID.randomUUID();
    assertThat(CartRules.sellable(new CatalogItem("A", product, "A", "published", 100L), "A", "USD")).isEmpty();
    assertThat(CartRules.sellable(null, "A", "USD")).hasValueSatisfying(why -> assertThat(why).contains("no product"));
    assertThat(CartRules.sellable(new CatalogItem("A", product, "A", "draft", 100L), "A", "USD")).isPresent();
    assertThat(CartRules.sellable(new CatalogItem("A", product, "A", "published", null), "A", "GBP"))
        .hasValueSatisfying(why -> assertThat(why).contains("no price in GBP"));
  }

  @Test
  void tokensAreUnguessableAndOnlyTheirHashIsKept() {
    CartTokens tokens = new CartTokens(new SecureRandom());
    Set<String> issued = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = tokens.issue();
      assertThat(CartTokens.wellFormed(token)).isTrue();
      issued.add(token);
    }
    assertThat(issued).hasSize(1000);
    String token = issued.iterator().next();
    assertThat(CartTokens.hash(token)).hasSize(64).isEqualTo(CartTokens.hash(token)).doesNotContain(token);
    assertThat(CartTokens.wellFormed("short")).isFalse();
    assertThat(CartTokens.wellFormed(token + "!")).isFalse();
  }

  @Test
  void totalsAreInMinorUnitsAndLinesKeepTheirOrder() {
    Instant now = Instant.now();
    Cart cart = new Cart(UUID.randomUUID(), null, "h", "JPY", List.of(new CartLine("B", 3, 1500, null, "b", 2),
        new CartLine("A", 2, 999, null, "a", 1)), List.of(), 4, 2, now, now, now, null, null, null);
    assertThat(cart.lines()).extracting(CartLine::sku).containsExactly("A", "B");
    assertThat(cart.itemCount()).isEqualTo(5);
    assertThat(cart.subtotal()).isEqualTo(2 * 999 + 3 * 1500);
    assertThat(cart.isEmpty()).isFalse();
  }
}
