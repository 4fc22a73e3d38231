package org.emporium.pricing.domain;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What pricing knows of the shopper when codes are checked: the customer when signed in, how many of
 * their orders redeemed before this one and were not released (none: this is a first order), and how
 * often they redeemed each promotion.
 */
public record Shopper(Optional<UUID> customerId, int priorOrders, Map<UUID, Integer> uses) {

  public static final Shopper GUEST = new Shopper(Optional.empty(), 0, Map.of());

  public Shopper {
    uses = Map.copyOf(uses);
  }

  public int uses(UUID promotionId) {
    return uses.getOrDefault(promotionId, 0);
  }
}
