package org.emporium.cart.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A cart as stored: owned by a customer ({@code customerId}) or by whoever holds its token (a guest,
 * {@code tokenHash}), with lines in one currency, coupon codes and a version that grows with every
 * change. A guest cart merged into a customer's cart remains as a mark ({@code mergedInto},
 * {@code mergedBy}) so that the merge can be repeated without effect.
 *
 * @param nextPosition the position the last new line took (the next takes one more)
 * @param lastOrderId the order last placed from this cart, or null
 */
public record Cart(UUID id, UUID customerId, String tokenHash, String currency, List<CartLine> lines,
    List<String> couponCodes, long version, long nextPosition, Instant createdAt, Instant updatedAt,
    Instant expiresAt, UUID mergedInto, UUID mergedBy, UUID lastOrderId) {

  public Cart {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(currency, "currency");
    lines = lines.stream().sorted(Comparator.comparingLong(CartLine::position)).toList();
    couponCodes = List.copyOf(couponCodes);
    tokenHash = tokenHash == null ? "" : tokenHash;
  }

  public boolean isMerged() {
    return mergedInto != null;
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }

  /** Units over all lines. */
  public long itemCount() {
    return lines.stream().mapToLong(CartLine::quantity).sum();
  }

  /** Sum of the lines' totals, in minor units of {@link #currency()}. */
  public long subtotal() {
    long sum = 0;
    for (CartLine line : lines) {
      sum = Math.addExact(sum, line.total());
    }
    return sum;
  }
}
