package org.emporium.checkout.domain;

import java.util.Optional;

/**
 * The saga's steps in the order they run. A step that may leave something behind names the
 * compensation that undoes it; {@link #CAPTURE} is the point of no return. {@link #CAP} counts the
 * buyer's units of capped SKUs (flash-sale purchase caps) before anything is reserved.
 */
public enum Step {
  VIEW(null),
  QUOTE(null),
  CAP(Compensation.RETURN_UNITS),
  RESERVE(Compensation.RELEASE_STOCK),
  AUTHORISE(Compensation.VOID_PAYMENT),
  REDEEM(Compensation.RELEASE_COUPONS),
  PLACE(Compensation.CANCEL_ORDER),
  CAPTURE(null),
  MARK_PAID(null),
  COMMIT(null),
  CLEAR(null);

  private final Compensation compensation;

  Step(Compensation compensation) {
    this.compensation = compensation;
  }

  public Optional<Compensation> compensation() {
    return Optional.ofNullable(compensation);
  }

  /** The step after this one, or empty after the last. */
  public Optional<Step> next() {
    int index = ordinal() + 1;
    return index < values().length ? Optional.of(values()[index]) : Optional.empty();
  }

  /** True when the capture is confirmed: from here the saga only goes forward. */
  public boolean afterCapture() {
    return ordinal() > CAPTURE.ordinal();
  }

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Step ofKey(String key) {
    return valueOf(key.toUpperCase(java.util.Locale.ROOT));
  }
}
