package org.emporium.inventory.domain;

import java.util.Locale;

/**
 * Where a reservation stands; only {@code PENDING} and {@code RESERVED} hold stock. {@code RETURNED}: a
 * committed reservation whose units went back on hand (an order cancelled after the sale).
 */
public enum ReservationStatus {
  PENDING, RESERVED, REJECTED, COMMITTED, RELEASED, EXPIRED, RETURNED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ReservationStatus of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
