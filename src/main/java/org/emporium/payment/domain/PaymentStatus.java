package org.emporium.payment.domain;

import java.util.Locale;

/** Where a payment stands; the wire name is the lower-case constant name. */
public enum PaymentStatus {
  AUTHORISED, CAPTURED, PARTIALLY_REFUNDED, REFUNDED, VOIDED, FAILED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PaymentStatus ofWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }

  /** Money was taken: capture is done, only refunds remain. */
  public boolean captured() {
    return this == CAPTURED || this == PARTIALLY_REFUNDED || this == REFUNDED;
  }
}
