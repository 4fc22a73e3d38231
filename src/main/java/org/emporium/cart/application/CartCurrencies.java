package org.emporium.cart.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The currencies of carts recently seen by one verticle instance (its event loop only). A cart's
 * currency never changes, so an add-to-cart can ask the catalog for prices in it without reading
 * the cart first; the store still checks ownership in the same step as the change.
 */
public final class CartCurrencies {

  private final Map<UUID, String> known;

  public CartCurrencies(int maxEntries) {
    this.known = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<UUID, String> eldest) {
        return size() > maxEntries;
      }
    };
  }

  public String get(UUID cartId) {
    return known.get(cartId);
  }

  public void put(UUID cartId, String currency) {
    known.put(cartId, currency);
  }
}
