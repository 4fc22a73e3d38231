package org.emporium.checkout.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

  /**
   * Keys are kept per customer, or per cart and token for a guest: someone who knows a cart's id but
   * not its token cannot take a key its owner will use, since their attempts land in another scope.
   */
  public String scope() {
    if (customerId != null) {
      return "customer:" + customerId;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(cartToken.getBytes(StandardCharsets.UTF_8));
      return "cart:" + cartId + ":" + HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
