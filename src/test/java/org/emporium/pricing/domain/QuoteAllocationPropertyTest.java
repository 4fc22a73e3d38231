package org.emporium.pricing.domain;

import org.emporium.platform.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over thousands of random carts (seeded, so a failure repeats): random lines, currencies, stacked
 * discounts on random subsets, tax added or included; the parts always add up exactly to the total and
 * no line is discounted below zero.
 */
class QuoteAllocationPropertyTest {

  private static final List<Currency> CURRENCIES = List.of(Currency.getInstance("USD"), Currency.getInstance("JPY"),
      Currency.getInstance("KWD"), Currency.getInstance("ISK"), Currency.getInstance("EUR"));
  private static final int CARTS = 20_000;

  @Test
  void thePartsOfEveryQuoteAddUpToItsTotal() {
    Random random = new Random(20261121L);
    for (int cart = 0; cart < CARTS; cart++) {
      Currency currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
      List<PricedLine> lines = lines(random, currency);
      Discounts discounts = discounts(random, lines);
      Optional<TaxTable> tax = random.nextInt(4) == 0 ? Optional.empty() : Optional.of(table(random));
      Money shipping = Money.ofMinor(random.nextInt(2000), currency);

      Quote quote = QuoteCalculation.quote(currency, lines, discounts, tax, random.nextBoolean() ? "R1" : null,
          shipping);

      String seed = "cart " + cart + ": " + quote;
      Money zero = Money.zero(currency);
      Money sumOfLines = quote.lines().stream().map(QuotedLine::total).reduce(zero, Money::plus);
      assertThat(quote.total()).as(seed).isEqualTo(sumOfLines.plus(quote.shipping()));
      Money fromParts = quote.subtotal().minus(quote.discountTotal()).plus(quote.shipping())
          .plus(quote.taxInclusive() ? zero : quote.taxTotal());
      assertThat(quote.total()).as(seed).isEqualTo(fromParts);
      assertThat(quote.coupons().stream().map(AppliedCoupon::amount).reduce(zero, Money::plus)).as(seed)
          .isEqualTo(quote.discountTotal());
      assertThat(quote.lines().stream().map(QuotedLine::tax).reduce(zero, Money::plus)).as(seed)
          .isEqualTo(quote.taxTotal());
      for (int i = 0; i < lines.size(); i++) {
        QuotedLine line = quote.lines().get(i);
        assertThat(line.subtotal()).as(seed).isEqualTo(lines.get(i).subtotal());
        assertThat(line.discount().isNegative() || line.discount().compareTo(line.subtotal()) > 0).as(seed).isFalse();
        assertThat(line.tax().isNegative()).as(seed).isFalse();
      }
      for (int d = 0; d < discounts.discounts().size(); d++) {
        assertThat(quote.coupons().get(d).amount().amountMinor()).as(seed)
            .isBetween(0L, discounts.discounts().get(d).amount());
      }
    }
  }

  private static List<PricedLine> lines(Random random, Currency currency) {
    List<PricedLine> lines = new ArrayList<>();
    int count = 1 + random.nextInt(8);
    for (int i = 0; i < count; i++) {
      long unit = random.nextInt(5) == 0 ? random.nextInt(5) : 1 + random.nextInt(200_000);
      lines.add(new PricedLine("SKU-" + i, 1 + random.nextInt(20), Money.ofMinor(unit, currency), "explicit",
          List.of(random.nextBoolean() ? "c1" : "c2")));
    }
    return lines;
  }

  private static Discounts discounts(Random random, List<PricedLine> lines) {
    List<Discount> discounts = new ArrayList<>();
    int count = random.nextInt(4);
    for (int d = 0; d < count; d++) {
      List<String> skus = lines.stream().map(PricedLine::sku).filter(sku -> random.nextInt(3) > 0).toList();
      long amount = random.nextInt(3) == 0 ? random.nextInt(10) : random.nextInt(1_000_000);
      DiscountKind kind = DiscountKind.values()[random.nextInt(DiscountKind.values().length)];
      discounts.add(new Discount("C" + d, "p" + d, kind, kind == DiscountKind.FREE_SHIPPING ? 0 : amount, skus));
    }
    return new Discounts(discounts, discounts.stream().anyMatch(d -> d.kind() == DiscountKind.FREE_SHIPPING));
  }

  private static TaxTable table(Random random) {
    List<TaxRate> rates = new ArrayList<>();
    rates.add(new TaxRate("", "", rate(random)));
    if (random.nextBoolean()) {
      rates.add(new TaxRate("R1", "", rate(random)));
    }
    if (random.nextBoolean()) {
      rates.add(new TaxRate("", "c1", rate(random)));
    }
    return new TaxTable("XX", random.nextBoolean(), rates);
  }

  private static BigDecimal rate(Random random) {
    return BigDecimal.valueOf(random.nextInt(300_000), 6);
  }
}
