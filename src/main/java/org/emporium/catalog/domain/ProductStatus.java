package org.emporium.catalog.domain;

import java.util.Locale;
import java.util.Optional;

/** The life of a product: only published products are shown to shoppers. */
public enum ProductStatus {
  DRAFT, PUBLISHED, ARCHIVED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ProductStatus> parse(String text) {
    for (ProductStatus status : values()) {
      if (status.wire().equals(text)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
