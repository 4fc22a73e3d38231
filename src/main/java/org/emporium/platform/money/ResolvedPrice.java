package org.emporium.platform.money;

import java.util.Objects;
import java.util.Optional;

/** A price in the wanted currency and, when it was converted from the base price, the rate used. */
public record ResolvedPrice(Money price, FxRate rate) {

  public ResolvedPrice {
    Objects.requireNonNull(price, "price");
  }

  public boolean converted() {
    return rate != null;
  }

  public Optional<FxRate> usedRate() {
    return Optional.ofNullable(rate);
  }
}
