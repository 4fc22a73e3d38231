package org.emporium.ordering.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where an order stands, and the transition table: the only moves an order can make. Cancelling is
 * possible until the order ships; refunds (whole or partial) follow a shipment, as returns do.
 */
public enum OrderStatus {
  PENDING, AWAITING_PAYMENT, PAID, FULFILLING, SHIPPED, DELIVERED, CANCELLED, REFUNDED, PARTIALLY_REFUNDED;

  /** The statuses this one may move to. */
  public Set<OrderStatus> next() {
    return switch (this) {
      case PENDING -> EnumSet.of(AWAITING_PAYMENT, PAID, CANCELLED);
      case AWAITING_PAYMENT -> EnumSet.of(PAID, CANCELLED);
      case PAID -> EnumSet.of(FULFILLING, SHIPPED, CANCELLED);
      case FULFILLING -> EnumSet.of(SHIPPED, CANCELLED);
      case SHIPPED -> EnumSet.of(DELIVERED, PARTIALLY_REFUNDED, REFUNDED);
      case DELIVERED -> EnumSet.of(PARTIALLY_REFUNDED, REFUNDED);
      case PARTIALLY_REFUNDED -> EnumSet.of(REFUNDED);
      case CANCELLED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
    };
  }

  public boolean canBecome(OrderStatus to) {
    return next().contains(to);
  }

  /** The money was captured and the order is still being served: cancelling it means a refund. */
  public boolean holdsPayment() {
    return this == PAID || this == FULFILLING;
  }

  /** Paid at some point (markPaid again is a repeat, not a move). */
  public boolean reachedPayment() {
    return this != PENDING && this != AWAITING_PAYMENT && this != CANCELLED;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<OrderStatus> parse(String code) {
    for (OrderStatus status : values()) {
      if (status.code().equals(code)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
