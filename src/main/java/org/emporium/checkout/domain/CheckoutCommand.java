package org.emporium.checkout.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One checkout request, validated. {@code customerId} is null for a guest, who proves the cart with
 * {@code cartToken}; {@code couponCodes} null means the cart's codes. The card lives only in memory.
 */
public record CheckoutCommand(String idempotencyKey, UUID cartId, UUID customerId, String cartToken, String email,
    String currency, Map<String, String> shippingAddress, Card card, List<String> couponCodes) {

  /** A payment card as given; never stored, never logged. */
  public record Card(String number, String expiry, String holder) {

    public String last4() {
      return number.substring(number.length() - 4);
    }

    @Override
    public String toString() {
      return "Card[****" + last4() + "]";
    }
  }

  /** Keys are kept per customer, or per cart for a guest. */
  public String scope() {
    return customerId != null ? "customer:" + customerId : "cart:" + cartId;
  }
}
