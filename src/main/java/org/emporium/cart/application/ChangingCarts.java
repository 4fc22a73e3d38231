package org.emporium.cart.application;

import io.vertx.core.Future;
import org.emporium.cart.domain.Caller;
import org.emporium.cart.domain.Cart;
import org.emporium.cart.domain.CartRules;
import org.emporium.cart.domain.CatalogItem;
import org.emporium.cart.domain.Rejection;
import org.emporium.cart.domain.Violation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads and changes a cart for its owner. A line change first asks the catalog about the SKU in the
 * cart currency (it must exist, be on sale and have a price there: that price is the line's
 * snapshot), then is one step in the store, which checks ownership and the caps in the same step.
 * A coupon code is applied only once pricing says it may be used.
 */
public final class ChangingCarts {

  private final CartStore store;
  private final Restoring restoring;
  private final Catalog catalog;
  private final Coupons coupons;
  private final CartRules rules;
  private final CartCurrencies currencies;

  public ChangingCarts(CartStore store, Restoring restoring, Catalog catalog, Coupons coupons, CartRules rules,
      CartCurrencies currencies) {
    this.store = store;
    this.restoring = restoring;
    this.catalog = catalog;
    this.coupons = coupons;
    this.rules = rules;
    this.currencies = currencies;
  }

  public Future<Cart> read(UUID id, Caller caller) {
    return restoring.run(id, () -> store.read(id, caller)).compose(Outcomes::cart)
        .onSuccess(cart -> currencies.put(cart.id(), cart.currency()));
  }

  /** Adds units to the SKU's line (made when missing). */
  public Future<Cart> addItem(UUID id, Caller caller, String sku, Long quantity) {
    return putLine(id, caller, sku, "/sku", quantity, true);
  }

  /** Sets the units of the SKU's line (made when missing). */
  public Future<Cart> setQuantity(UUID id, Caller caller, String sku, Long quantity) {
    return putLine(id, caller, sku, "sku", quantity, false);
  }

  public Future<Cart> removeItem(UUID id, Caller caller, String sku) {
    Optional<Violation> bad = rules.sku("sku", sku);
    if (bad.isPresent()) {
      return Outcomes.invalid(List.of(bad.get()));
    }
    return restoring.run(id, () -> store.removeLine(id, caller, sku)).compose(Outcomes::cart);
  }

  public Future<Cart> clear(UUID id, Caller caller) {
    return restoring.run(id, () -> store.clear(id, caller)).compose(Outcomes::cart);
  }

  public Future<Cart> applyCoupon(UUID id, Caller caller, String code) {
    Optional<Violation> bad = rules.couponCode("/code", code);
    if (bad.isPresent()) {
      return Outcomes.invalid(List.of(bad.get()));
    }
    return currency(id, caller)
        .compose(currency -> coupons.validate(code, currency, caller.customerId()))
        .compose(valid -> restoring.run(id, () -> store.coupon(id, caller, valid, true)))
        .compose(Outcomes::cart);
  }

  public Future<Cart> removeCoupon(UUID id, Caller caller, String code) {
    Optional<Violation> bad = rules.couponCode("code", code);
    if (bad.isPresent()) {
      return Outcomes.invalid(List.of(bad.get()));
    }
    return restoring.run(id, () -> store.coupon(id, caller, code, false)).compose(Outcomes::cart);
  }

  private Future<Cart> putLine(UUID id, Caller caller, String sku, String skuField, Long quantity, boolean add) {
    List<Violation> violations = rules.line(skuField, sku, "/quantity", quantity);
    if (!violations.isEmpty()) {
      return Outcomes.invalid(violations);
    }
    return currency(id, caller)
        .compose(currency -> catalog.lookup(List.of(sku), currency).compose(items -> {
          CatalogItem item = items.get(sku);
          Optional<String> unsellable = CartRules.sellable(item, sku, currency);
          if (unsellable.isPresent()) {
            return Outcomes.<StoreAnswer>fail(new Rejection.Unprocessable("The SKU cannot go into this cart: "
                + unsellable.get() + ".", List.of(new Violation(skuField, unsellable.get()))));
          }
          CartStore.LineChange change = new CartStore.LineChange(sku, quantity.intValue(), add, item);
          return restoring.run(id, () -> store.putLine(id, caller, change));
        }))
        .compose(Outcomes::cart);
  }

  /** The cart's currency: remembered, or read (which also proves the caller may use the cart). */
  private Future<String> currency(UUID id, Caller caller) {
    String known = currencies.get(id);
    return known != null ? Future.succeededFuture(known) : read(id, caller).map(Cart::currency);
  }
}
