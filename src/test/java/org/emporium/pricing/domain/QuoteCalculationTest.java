package org.emporium.pricing.domain;

import org.emporium.platform.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Discount allocation, tax per line (added or included) and the totals of a quote. */
class QuoteCalculationTest {

  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency JPY = Currency.getInstance("JPY");

  private static PricedLine line(String sku, int quantity, long unit, Currency currency, String... categories) {
    return new PricedLine(sku, quantity, Money.ofMinor(unit, currency), "explicit", List.of(categories));
  }

  private static Money eur(long cents) {
    return Money.ofMinor(cents, EUR);
  }

  @Test
  void aDiscountIsSplitByWhatIsLeftOfItsEligibleLinesWithoutLosingACent() {
    List<PricedLine> lines = List.of(line("A", 1, 1000, EUR), line("B", 2, 1000, EUR), line("C", 1, 500, EUR));
    Discounts discounts = new Discounts(List.of(
        new Discount("TEN", "p1", DiscountKind.FIXED_AMOUNT, 1000, List.of("A", "B")),
        new Discount("ALL", "p2", DiscountKind.PERCENT_OFF, 100, List.of("A", "B", "C"))), false);

    Quote quote = QuoteCalculation.quote(EUR, lines, discounts, Optional.empty(), null, eur(0));

    // 10.00 over A (10.00) and B (20.00): 3.33 and 6.67 (the larger remainder gets the cent); then 1.00 over
    // what is left (6.67, 13.33, 5.00): 0.27, 0.53, 0.20
    assertThat(quote.lines()).extracting(QuotedLine::discount).containsExactly(eur(333 + 27), eur(667 + 53), eur(20));
    assertThat(quote.coupons()).extracting(AppliedCoupon::amount).containsExactly(eur(1000), eur(100));
    assertThat(quote.discountTotal()).isEqualTo(eur(1100));
    assertThat(quote.subtotal()).isEqualTo(eur(3500));
    assertThat(quote.total()).isEqualTo(eur(2400));
  }

  @Test
  void aDiscountLargerThanWhatIsLeftIsCutAndNoLineGoesBelowZero() {
    List<PricedLine> lines = List.of(line("A", 1, 300, EUR), line("B", 1, 700, EUR));
    Discounts discounts = new Discounts(List.of(
        new Discount("BIG", "p1", DiscountKind.FIXED_AMOUNT, 5000, List.of("A")),
        new Discount("GONE", "p2", DiscountKind.FIXED_AMOUNT, 100, List.of("A", "NOT-IN-CART"))), true);

    Quote quote = QuoteCalculation.quote(EUR, lines, discounts, Optional.empty(), null, eur(490));

    assertThat(quote.lines()).extracting(QuotedLine::total).containsExactly(eur(0), eur(700));
    assertThat(quote.coupons()).extracting(AppliedCoupon::amount).containsExactly(eur(300), eur(0));
    assertThat(quote.freeShipping()).isTrue();
    assertThat(quote.shipping()).isEqualTo(eur(0));
    assertThat(quote.total()).isEqualTo(eur(700));
  }

  @Test
  void exclusiveTaxIsAddedPerLineAfterItsDiscount() {
    TaxTable us = new TaxTable("US", false, List.of(new TaxRate("CA", "", new BigDecimal("0.0725")),
        new TaxRate("", "food", BigDecimal.ZERO)));
    List<PricedLine> lines = List.of(line("SHIRT", 3, 1999, EUR, "clothing"), line("TEA", 1, 450, EUR, "food", "tea"));
    Discounts discounts = new Discounts(List.of(
        new Discount("FIVE", "p", DiscountKind.FIXED_AMOUNT, 500, List.of("SHIRT"))), false);

    Quote quote = QuoteCalculation.quote(EUR, lines, discounts, Optional.of(us), " ca ", eur(500));

    // (59.97 - 5.00) x 0.0725 = 3.985325 -> 3.99; tea is food: the category rate (0) wins over the region
    QuotedLine shirt = quote.lines().get(0);
    assertThat(shirt.tax()).isEqualTo(eur(399));
    assertThat(shirt.total()).isEqualTo(eur(5497 + 399));
    assertThat(quote.lines().get(1).tax()).isEqualTo(eur(0));
    assertThat(quote.taxInclusive()).isFalse();
    assertThat(quote.total()).isEqualTo(eur(5497 + 399 + 450 + 500));
  }

  @Test
  void inclusiveTaxIsTakenOutOfTheLineAndNotAdded() {
    TaxTable germany = new TaxTable("DE", true, List.of(new TaxRate("", "", new BigDecimal("0.19")),
        new TaxRate("", "books", new BigDecimal("0.07"))));
    List<PricedLine> lines = List.of(line("LAMP", 1, 11900, EUR, "home"), line("NOVEL", 2, 1000, EUR, "media", "books"));

    Quote quote = QuoteCalculation.quote(EUR, lines, Discounts.NONE, Optional.of(germany), null, eur(0));

    // 119.00 holds 19.00 of 19% tax; 20.00 holds 20 x 0.07 / 1.07 = 1.3084 -> 1.31
    assertThat(quote.lines()).extracting(QuotedLine::tax).containsExactly(eur(1900), eur(131));
    assertThat(quote.lines()).extracting(QuotedLine::total).containsExactly(eur(11900), eur(2000));
    assertThat(quote.taxInclusive()).isTrue();
    assertThat(quote.taxTotal()).isEqualTo(eur(2031));
    assertThat(quote.total()).isEqualTo(eur(13900));
  }

  @Test
  void yenHasNoMinorUnitSoTaxRoundsToWholeYen() {
    TaxTable japan = new TaxTable("JP", true, List.of(new TaxRate("", "", new BigDecimal("0.1"))));
    Quote quote = QuoteCalculation.quote(JPY, List.of(line("CUP", 1, 3025, JPY)), Discounts.NONE, Optional.of(japan),
        null, Money.zero(JPY));
    // 3025 x 0.1 / 1.1 = 275
    assertThat(quote.taxTotal()).isEqualTo(Money.ofMinor(275, JPY));
    // 55 x 0.1 / 1.1 = 5 exactly; 25 x 0.1 = 2.5 rounds half-even to 2
    assertThat(QuoteCalculation.tax(Money.ofMinor(55, JPY), new BigDecimal("0.1"), true)).isEqualTo(Money.ofMinor(5, JPY));
    assertThat(QuoteCalculation.tax(Money.ofMinor(25, JPY), new BigDecimal("0.1"), false)).isEqualTo(Money.ofMinor(2, JPY));
  }
}
