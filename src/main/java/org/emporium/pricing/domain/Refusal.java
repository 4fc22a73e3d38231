package org.emporium.pricing.domain;

/** Why the coupon code at {@code index} of a request does not apply, with the sentence the shopper reads. */
public record Refusal(int index, Reason reason, String message) {

  public enum Reason {
    UNKNOWN,
    INACTIVE,
    NOT_YET_VALID,
    EXPIRED,
    OTHER_CURRENCY,
    EXHAUSTED,
    CUSTOMER_LIMIT,
    SIGN_IN,
    NOT_FIRST_ORDER,
    NO_ELIGIBLE_LINES,
    BELOW_MINIMUM,
    REPEATED,
    SAME_KIND
  }
}
