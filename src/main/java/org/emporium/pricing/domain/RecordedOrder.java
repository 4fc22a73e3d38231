package org.emporium.pricing.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An order checkout redeemed (with or without coupons): the first outcome, and whether it was given back. */
public record RecordedOrder(UUID orderId, Optional<UUID> customerId, List<Redeemed> redeemed, boolean released) {

  public RecordedOrder {
    redeemed = List.copyOf(redeemed);
  }
}
