package org.emporium.cart.application;

import io.vertx.core.Future;

import java.util.UUID;

/** The pricing context's coupon check. */
public interface Coupons {

  /**
   * The code as pricing spells it when it may be used in {@code currency} by {@code customerId}
   * (null for a guest); fails unprocessable when it may not, unavailable when nobody can tell.
   */
  Future<String> validate(String code, String currency, UUID customerId);
}
