package org.emporium.cart.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.emporium.cart.domain.Caller;
import org.emporium.cart.domain.Cart;
import org.emporium.cart.domain.CartTokens;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.id.TimeOrderedIds;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens a cart. A guest gets a new cart and the token that proves it is theirs (only its hash is
 * kept). A signed-in customer has one cart: the live one, else the durable copy of it, else a new
 * one, in their preferred currency unless they asked for another.
 */
public final class OpeningCarts {

  /** The cart, the guest token (null for a customer's cart), and whether it is new. */
  public record Opened(Cart cart, String token, boolean created) {
  }

  private final CartStore store;
  private final CartCopies copies;
  private final Restoring restoring;
  private final Preferences preferences;
  private final CartTokens tokens;
  private final TimeOrderedIds ids;
  private final Pool pool;
  private final Clock clock;
  private final String defaultCurrency;

  public OpeningCarts(CartStore store, CartCopies copies, Restoring restoring, Preferences preferences,
      CartTokens tokens, TimeOrderedIds ids, Pool pool, Clock clock, String defaultCurrency) {
    this.store = store;
    this.copies = copies;
    this.restoring = restoring;
    this.preferences = preferences;
    this.tokens = tokens;
    this.ids = ids;
    this.pool = pool;
    this.clock = clock;
    this.defaultCurrency = defaultCurrency;
  }

  /** {@code customer} is the signed-in caller allowed to own a cart, or null for a guest. */
  public Future<Opened> open(Principal customer, String currency) {
    if (customer == null) {
      String token = tokens.issue();
      return store.createGuest(ids.next(), currency == null ? defaultCurrency : currency, CartTokens.hash(token))
          .compose(answer -> answer.outcome() == StoreAnswer.Outcome.CREATED
              ? Future.succeededFuture(new Opened(answer.cart(), token, true))
              : Future.failedFuture(new IllegalStateException("cart id taken: " + answer)));
    }
    Caller caller = new Caller(customer.customerId(), null);
    return own(caller).compose(found -> found.isPresent()
        ? Future.succeededFuture(new Opened(found.get(), null, false))
        : currencyFor(customer, currency).compose(chosen -> store.openOwn(caller, ids.next(), chosen, true))
            .map(answer -> new Opened(answer.cart(), null, answer.outcome() == StoreAnswer.Outcome.CREATED)));
  }

  /** The caller's cart: the live one, else the copy of their latest, put back. */
  Future<Optional<Cart>> own(Caller caller) {
    return store.openOwn(caller, null, null, false).compose(answer -> {
      if (answer.outcome() == StoreAnswer.Outcome.EXISTING) {
        return Future.succeededFuture(Optional.of(answer.cart()));
      }
      return copies.activeCartOf(pool, caller.customerId(), clock.instant()).compose(copy -> copy.isEmpty()
          ? Future.succeededFuture(Optional.<Cart>empty())
          : restoring.restore(copy.get()).compose(restored -> restored
              ? store.openOwn(caller, null, null, false).map(again -> Optional.ofNullable(again.cart()))
              : Future.succeededFuture(Optional.<Cart>empty())));
    });
  }

  private Future<String> currencyFor(Principal customer, String asked) {
    if (asked != null) {
      return Future.succeededFuture(asked);
    }
    return preferences.currency(customer).map(preferred -> preferred.orElse(defaultCurrency));
  }

  /** The id of a customer's cart, for merging into it; empty when they have none. */
  public Future<Optional<UUID>> ownCartId(Caller caller) {
    return own(caller).map(found -> found.map(Cart::id));
  }
}
