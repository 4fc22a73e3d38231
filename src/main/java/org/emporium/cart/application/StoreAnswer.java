package org.emporium.cart.application;

import org.emporium.cart.domain.Cart;

/**
 * What the cart store answered to one operation: an outcome, the cart when the operation reached it,
 * and a detail for some outcomes (the id a merged cart went into, a cap, the units a line holds).
 */
public record StoreAnswer(Outcome outcome, Cart cart, String detail) {

  /** The outcomes of the store's operations. */
  public enum Outcome {
    /** Done; {@code cart} is the cart after it. */
    OK,
    /** A new cart. */
    CREATED,
    /** The caller's existing cart. */
    EXISTING,
    /** The caller has no cart. */
    NONE,
    /** The store has no such cart (never made, expired, or lost). */
    MISSING,
    /** The cart is not the caller's. */
    DENIED,
    /** The caller merged this guest cart into {@code detail}. */
    MERGED,
    /** The cart already holds the most lines ({@code detail}). */
    LINE_LIMIT,
    /** The line would hold more than the most units; {@code detail} is what it holds. */
    QUANTITY_LIMIT,
    /** The cart already holds the most coupon codes ({@code detail}). */
    COUPON_LIMIT,
    /** The guest cart changed since it was read; read and try again. */
    RETRY,
    /** The caller has a cart ({@code detail}) after all. */
    HAS_CART,
    /** The "guest" cart is already the caller's own. */
    OWNED,
    /** The merge target is not in the store. */
    TARGET_MISSING,
    /** The merge target is not the caller's. */
    TARGET_DENIED
  }

  public static StoreAnswer of(Outcome outcome, String detail) {
    return new StoreAnswer(outcome, null, detail);
  }
}
