package org.emporium.cart.domain;

import java.util.UUID;

/**
 * Who asks for a cart: a signed-in customer ({@code customerId}), the holder of a cart token
 * ({@code tokenHash}, the SHA-256 of the token), both or neither. A customer's cart answers only
 * to that customer; a guest cart only to its token.
 */
public record Caller(UUID customerId, String tokenHash) {

  public static final Caller NOBODY = new Caller(null, null);
}
