package org.emporium.pricing.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A country's tax rules: whether its prices are shown with tax included, and its rates. A line gets
 * the most specific rate: its category in the region, its category anywhere in the country, the
 * region, the country (a deeper category before its ancestors); none means no tax.
 */
public record TaxTable(String country, boolean inclusive, List<TaxRate> rates) {

  public TaxTable {
    rates = List.copyOf(rates);
  }

  /** The rate for a line shipped to {@code region} (may be null) whose product is in {@code categoryPath}, root first. */
  public BigDecimal rateFor(String region, List<String> categoryPath) {
    String wanted = region == null ? TaxRate.ANY : normalRegion(region);
    for (int depth = categoryPath.size() - 1; depth >= 0; depth--) {
      BigDecimal found = find(wanted, categoryPath.get(depth));
      if (found != null) {
        return found;
      }
    }
    BigDecimal general = find(wanted, TaxRate.ANY);
    return general == null ? BigDecimal.ZERO : general;
  }

  /** Regions are matched without regard to case or surrounding blanks. */
  public static String normalRegion(String region) {
    return region.strip().toUpperCase(Locale.ROOT);
  }

  private BigDecimal find(String region, String category) {
    BigDecimal inCountry = null;
    for (TaxRate rate : rates) {
      if (rate.categoryId().equals(category)) {
        if (!region.isEmpty() && rate.region().equals(region)) {
          return rate.rate();
        }
        if (rate.region().isEmpty()) {
          inCountry = rate.rate();
        }
      }
    }
    return inCountry;
  }
}
