package org.emporium.search.domain;

import java.util.Optional;

/** How hits are ordered; the wire names are the REST {@code sort} values. */
public enum SortOrder {
  RELEVANCE("relevance"), PRICE_ASC("price_asc"), PRICE_DESC("price_desc"), NEWEST("newest");

  private final String wire;

  SortOrder(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<SortOrder> parse(String text) {
    for (SortOrder order : values()) {
      if (order.wire.equals(text)) {
        return Optional.of(order);
      }
    }
    return Optional.empty();
  }
}
