package org.emporium.cart.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.cart.domain.Caller;
import org.emporium.cart.domain.Cart;
import org.emporium.cart.domain.Rejection;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * What checkout asks of carts: the cart as the order will be made from it (its durable copy is
 * written before the answer, so the order never rests on Redis alone), and the lines taken away once
 * the order is placed, written to the copy at once so a lost Redis cannot bring them back.
 */
public final class CheckingOut {

  private final CartStore store;
  private final CartCopies copies;
  private final Restoring restoring;
  private final Pool pool;
  private final Clock clock;

  public CheckingOut(CartStore store, CartCopies copies, Restoring restoring, Pool pool, Clock clock) {
    this.store = store;
    this.copies = copies;
    this.restoring = restoring;
    this.pool = pool;
    this.clock = clock;
  }

  public Future<Cart> view(UUID id, Caller caller) {
    return restoring.run(id, () -> store.checkoutView(id, caller)).compose(Outcomes::cart).compose(cart -> {
      if (cart.isEmpty()) {
        return Outcomes.fail(new Rejection.Unprocessable("The cart is empty.", List.of()));
      }
      return copies.save(pool, List.of(cart), clock.instant()).map(cart);
    });
  }

  public Future<Cart> checkedOut(UUID id, UUID orderId, long version) {
    return restoring.run(id, () -> store.checkedOut(id, orderId, version)).compose(Outcomes::cart)
        .compose(cart -> copies.save(pool, List.of(cart), clock.instant()).map(cart));
  }
}
