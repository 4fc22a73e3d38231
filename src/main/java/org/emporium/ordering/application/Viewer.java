package org.emporium.ordering.application;

import org.emporium.ordering.domain.Order;

import java.util.UUID;

/**
 * Who reads or changes an order: a customer sees only their own orders (another's is "not found",
 * so ids cannot be probed); a manager ({@code orders:manage}) sees all. {@code actor} goes into the
 * history.
 */
public record Viewer(UUID customerId, boolean manager, String actor) {

  public static Viewer system(String actor) {
    return new Viewer(null, true, actor);
  }

  public boolean sees(Order order) {
    return manager || (customerId != null && customerId.equals(order.customerId()));
  }
}
