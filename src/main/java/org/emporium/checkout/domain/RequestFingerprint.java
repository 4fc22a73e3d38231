package org.emporium.checkout.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/**
 * What tells two requests with one idempotency key apart: a SHA-256 over every field of the
 * request in a fixed order, with the card reduced to its length and last four digits, so that
 * neither the number nor a digest of it is ever stored.
 */
public final class RequestFingerprint {

  private RequestFingerprint() {
  }

  public static String of(CheckoutCommand command) {
    StringBuilder text = new StringBuilder();
    field(text, "cartId", String.valueOf(command.cartId()));
    field(text, "email", command.email());
    field(text, "currency", command.currency());
    new TreeMap<>(command.shippingAddress()).forEach((key, value) -> field(text, "address." + key, value));
    CheckoutCommand.Card card = command.card();
    field(text, "card", card.number().length() + ":" + card.last4());
    field(text, "expiry", card.expiry());
    field(text, "holder", card.holder());
    field(text, "coupons", command.couponCodes() == null ? null : String.join(",", command.couponCodes()));
    return sha256(text.toString());
  }

  private static void field(StringBuilder text, String name, String value) {
    // length-prefixed, so no choice of values can make two requests read the same
    String shown = value == null ? "-" : value.length() + ":" + value;
    text.append(name).append('=').append(shown).append('\n');
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
