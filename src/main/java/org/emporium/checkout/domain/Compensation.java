package org.emporium.checkout.domain;

/** What undoes a step before the capture; run in reverse order of the steps. */
public enum Compensation {
  RETURN_UNITS,
  RELEASE_STOCK,
  VOID_PAYMENT,
  RELEASE_COUPONS,
  CANCEL_ORDER
}
