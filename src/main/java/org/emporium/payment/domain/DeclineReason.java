package org.emporium.payment.domain;

/** Why the provider refused to authorise; the wire name goes into the 402 problem's {@code reason}. */
public enum DeclineReason {
  DECLINED("declined", "The card was declined."),
  INSUFFICIENT_FUNDS("insufficient_funds", "The card has insufficient funds.");

  private final String wire;
  private final String detail;

  DeclineReason(String wire, String detail) {
    this.wire = wire;
    this.detail = detail;
  }

  public String wire() {
    return wire;
  }

  public String detail() {
    return detail;
  }

  /** The reason stored with a failed payment, or null when the failure was not a decline. */
  public static DeclineReason ofWire(String wire) {
    for (DeclineReason reason : values()) {
      if (reason.wire.equals(wire)) {
        return reason;
      }
    }
    return null;
  }
}
