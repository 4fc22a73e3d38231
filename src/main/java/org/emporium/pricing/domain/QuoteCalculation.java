package org.emporium.pricing.domain;

import org.emporium.platform.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * Prices priced lines into a {@link Quote}. Each discount is split across its eligible lines in
 * proportion to what is left of them (largest remainder, so no minor unit is lost and no line goes
 * below zero; a discount larger than what is left is cut to it). Tax is computed per line after its
 * discount and rounded half-even once at the currency's exponent: added on top, or, where prices
 * include tax, taken out of the line as {@code net * rate / (1 + rate)}.
 */
public final class QuoteCalculation {

  private QuoteCalculation() {
  }

  /**
   * @param tax the destination country's table, empty when there is no destination or no table (no tax)
   * @param region the destination's region, or null
   * @param shipping the shipping charge before a free-shipping coupon
   */
  public static Quote quote(Currency currency, List<PricedLine> lines, Discounts discounts, Optional<TaxTable> tax,
      String region, Money shipping) {
    int size = lines.size();
    long[] subtotals = new long[size];
    long[] discounted = new long[size];
    for (int i = 0; i < size; i++) {
      subtotals[i] = lines.get(i).subtotal().amountMinor();
    }
    List<AppliedCoupon> coupons = new ArrayList<>();
    for (Discount discount : discounts.discounts()) {
      long applied = allocate(currency, discount, lines, subtotals, discounted);
      coupons.add(new AppliedCoupon(discount.code(), discount.promotionId(), discount.kind(),
          Money.ofMinor(applied, currency)));
    }
    boolean inclusive = tax.map(TaxTable::inclusive).orElse(false);
    Money zero = Money.zero(currency);
    Money subtotal = zero;
    Money discountTotal = zero;
    Money taxTotal = zero;
    Money linesTotal = zero;
    List<QuotedLine> quoted = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      PricedLine line = lines.get(i);
      Money lineSubtotal = Money.ofMinor(subtotals[i], currency);
      Money lineDiscount = Money.ofMinor(discounted[i], currency);
      Money net = lineSubtotal.minus(lineDiscount);
      BigDecimal rate = tax.map(table -> table.rateFor(region, line.categoryPath())).orElse(BigDecimal.ZERO);
      Money lineTax = tax(net, rate, inclusive);
      Money lineTotal = inclusive ? net : net.plus(lineTax);
      quoted.add(new QuotedLine(line.sku(), line.quantity(), line.unitPrice(), line.priceSource(), lineSubtotal,
          lineDiscount, rate, lineTax, lineTotal));
      subtotal = subtotal.plus(lineSubtotal);
      discountTotal = discountTotal.plus(lineDiscount);
      taxTotal = taxTotal.plus(lineTax);
      linesTotal = linesTotal.plus(lineTotal);
    }
    Money shippingCharge = discounts.freeShipping() ? zero : shipping;
    return new Quote(currency, quoted, subtotal, discountTotal, shippingCharge, taxTotal,
        linesTotal.plus(shippingCharge), inclusive, discounts.freeShipping(), coupons);
  }

  /** The tax of a line's net amount, half-even at the minor unit. */
  static Money tax(Money net, BigDecimal rate, boolean inclusive) {
    if (rate.signum() == 0 || net.isZero()) {
      return Money.zero(net.currency());
    }
    BigDecimal amount = BigDecimal.valueOf(net.amountMinor()).multiply(rate);
    if (inclusive) {
      amount = amount.divide(BigDecimal.ONE.add(rate), 0, RoundingMode.HALF_EVEN);
    }
    return Money.ofMinor(amount.setScale(0, RoundingMode.HALF_EVEN).longValueExact(), net.currency());
  }

  /** Adds one discount's shares to {@code discounted}; answers the amount applied. */
  private static long allocate(Currency currency, Discount discount, List<PricedLine> lines, long[] subtotals,
      long[] discounted) {
    List<Integer> eligible = new ArrayList<>();
    long left = 0;
    for (int i = 0; i < lines.size(); i++) {
      if (discount.skus().contains(lines.get(i).sku())) {
        eligible.add(i);
        left += subtotals[i] - discounted[i];
      }
    }
    long amount = Math.min(Math.max(discount.amount(), 0), left);
    if (amount == 0) {
      return 0;
    }
    long[] ratios = eligible.stream().mapToLong(i -> subtotals[i] - discounted[i]).toArray();
    List<Money> shares = Money.ofMinor(amount, currency).allocate(ratios);
    for (int k = 0; k < eligible.size(); k++) {
      discounted[eligible.get(k)] += shares.get(k).amountMinor();
    }
    return amount;
  }
}
