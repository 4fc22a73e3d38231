package org.emporium.search.domain;

import java.util.Currency;

/**
 * One validated search: words (may be empty), filters, the currency prices are filtered, sorted and
 * bucketed in, the order, the page size and the position after the previous page (or null).
 */
public record SearchQuery(
    String text,
    String category,
    String brand,
    Long minPrice,
    Long maxPrice,
    Currency currency,
    boolean inStockOnly,
    SortOrder sort,
    int limit,
    Cursor after) {

  public boolean hasText() {
    return text != null && !text.isBlank();
  }

  public boolean filtersPrice() {
    return minPrice != null || maxPrice != null;
  }
}
