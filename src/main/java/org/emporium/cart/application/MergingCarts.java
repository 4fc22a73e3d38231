package org.emporium.cart.application;

import io.vertx.core.Future;
import org.emporium.cart.domain.Caller;
import org.emporium.cart.domain.Cart;
import org.emporium.cart.domain.CartLine;
import org.emporium.cart.domain.CartRules;
import org.emporium.cart.domain.CatalogItem;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * On sign-in, a guest cart (proven by its token) joins the customer's cart: with no cart of their
 * own the customer simply takes the guest cart over; otherwise quantities add up, capped per line,
 * and the guest cart is left as a mark so that a repeated merge answers the same cart unchanged.
 * Lines of a guest cart in another currency are priced again in the customer's currency (lines
 * the catalog no longer sells there are left out). Lock-free: the merge step in the store refuses
 * if the guest cart changed after it was read, and is then tried again.
 */
public final class MergingCarts {

  private static final int ATTEMPTS = 5;

  private final CartStore store;
  private final Restoring restoring;
  private final OpeningCarts opening;
  private final Catalog catalog;

  public MergingCarts(CartStore store, Restoring restoring, OpeningCarts opening, Catalog catalog) {
    this.store = store;
    this.restoring = restoring;
    this.opening = opening;
    this.catalog = catalog;
  }

  /** The customer's cart after the merge. {@code caller} is signed in and may carry the guest cart's token. */
  public Future<Cart> merge(UUID guestId, Caller caller) {
    // the guest cart first: looking up the caller's own cart records a use of it, which a refused
    // merge (no such guest cart, or not the caller's) must not do
    return restoring.run(guestId, () -> store.read(guestId, caller)).compose(guest -> switch (guest.outcome()) {
      case OK -> opening.ownCartId(caller).compose(target -> target.isEmpty() || target.get().equals(guestId)
          ? adopt(guestId, caller, ATTEMPTS)
          : into(guestId, target.get(), caller, ATTEMPTS));
      case MERGED -> target(UUID.fromString(guest.detail()), caller);
      default -> Outcomes.cart(guest);
    });
  }

  private Future<Cart> adopt(UUID guestId, Caller caller, int attempts) {
    return restoring.run(guestId, () -> store.adopt(guestId, caller)).compose(answer -> switch (answer.outcome()) {
      case HAS_CART -> into(guestId, UUID.fromString(answer.detail()), caller, attempts);
      case MERGED -> target(UUID.fromString(answer.detail()), caller);
      default -> Outcomes.cart(answer);
    });
  }

  private Future<Cart> into(UUID guestId, UUID targetId, Caller caller, int attempts) {
    if (attempts == 0) {
      return Future.failedFuture(new IllegalStateException("cart " + guestId + " kept changing during a merge"));
    }
    return restoring.run(guestId, () -> store.read(guestId, caller)).compose(guest -> switch (guest.outcome()) {
      case MERGED -> target(UUID.fromString(guest.detail()), caller);
      case OK -> guest.cart().customerId() != null
          ? Future.succeededFuture(guest.cart())
          : target(targetId, caller).compose(target -> prices(guest.cart(), target.currency()))
              .compose(repriced -> store.merge(guestId, targetId, caller, guest.cart().version(), repriced))
              .compose(merged -> switch (merged.outcome()) {
                case RETRY -> into(guestId, targetId, caller, attempts - 1);
                case TARGET_MISSING -> restoring.restore(targetId).compose(restored -> restored
                    ? into(guestId, targetId, caller, attempts - 1) : adopt(guestId, caller, attempts - 1));
                case MISSING -> restoring.restore(guestId).compose(restored -> restored
                    ? into(guestId, targetId, caller, attempts - 1) : Outcomes.<Cart>notFound());
                case MERGED -> target(UUID.fromString(merged.detail()), caller);
                default -> Outcomes.cart(merged);
              });
      default -> Outcomes.cart(guest);
    });
  }

  private Future<Cart> target(UUID targetId, Caller caller) {
    return restoring.run(targetId, () -> store.read(targetId, caller)).compose(Outcomes::cart);
  }

  /** Null when the guest's snapshots stand (same currency); else the guest's SKUs priced in {@code currency}. */
  private Future<Map<String, CatalogItem>> prices(Cart guest, String currency) {
    if (guest.currency().equals(currency) || guest.isEmpty()) {
      return Future.succeededFuture(null);
    }
    return catalog.lookup(guest.lines().stream().map(CartLine::sku).toList(), currency).map(items -> {
      Map<String, CatalogItem> sellable = new HashMap<>();
      items.forEach((sku, item) -> {
        if (CartRules.sellable(item, sku, currency).isEmpty()) {
          sellable.put(sku, item);
        }
      });
      return sellable;
    });
  }
}
