package org.emporium.cart.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.emporium.cart.domain.Cart;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.OutboxEvent;
import org.emporium.platform.events.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Carts with lines that nobody used for {@code idleMs} are abandoned: each is claimed from the store's
 * activity set (so two nodes never take the same one) and its durable copy and one
 * {@code cart.abandoned} event are written in one transaction. The next use of the cart puts it back
 * in the activity set, so there is one event per idle period. A failed transaction gives the carts
 * back for the next round.
 */
public final class AbandoningCarts {

  public static final String TOPIC = "cart.cart.v1";
  public static final String ABANDONED = "emporium.cart.cart.abandoned.v1";
  private static final Logger LOG = LoggerFactory.getLogger(AbandoningCarts.class);

  private final CartStore store;
  private final CartCopies copies;
  private final Pool pool;
  private final Outbox outbox;
  private final Clock clock;
  private final long idleMs;
  private final int batch;

  public AbandoningCarts(CartStore store, CartCopies copies, Pool pool, Outbox outbox, Clock clock, long idleMs,
      int batch) {
    this.store = store;
    this.copies = copies;
    this.pool = pool;
    this.outbox = outbox;
    this.clock = clock;
    this.idleMs = idleMs;
    this.batch = batch;
  }

  /** One round: claims and records batch after batch; answers how many carts were found abandoned. */
  public Future<Integer> sweep() {
    return sweepFrom(0);
  }

  private Future<Integer> sweepFrom(int found) {
    Instant now = clock.instant();
    return store.claim(CartStore.Queue.ACTIVITY, now.toEpochMilli() - idleMs, batch).compose(claimed -> {
      if (claimed.isEmpty()) {
        return Future.succeededFuture(found);
      }
      return record(claimed, now).compose(done -> claimed.size() < batch
          ? Future.succeededFuture(found + claimed.size()) : sweepFrom(found + claimed.size()));
    });
  }

  private Future<Void> record(List<CartStore.Claimed> claimed, Instant now) {
    List<Cart> carts = claimed.stream().map(CartStore.Claimed::cart).toList();
    return Transaction.run(pool, outbox, tx -> copies.save(tx.connection(), carts, now).map(saved -> {
          claimed.forEach(c -> tx.publish(OutboxEvent.of("cart", c.cart().id().toString(), "cart.abandoned",
              event(c.cart(), Instant.ofEpochMilli(c.score()), now))));
          return saved;
        }))
        .recover(failure -> {
          LOG.warn("Recording {} abandoned carts failed; they are kept for the next round", claimed.size());
          return Future.all(claimed.stream().map(c -> store.giveBack(CartStore.Queue.ACTIVITY, c.cart().id(),
              c.score())).toList()).transform(given -> Future.<Void>failedFuture(failure));
        });
  }

  static JsonObject event(Cart cart, Instant lastActivity, Instant now) {
    JsonArray lines = new JsonArray();
    cart.lines().forEach(line -> lines.add(new JsonObject().put("sku", line.sku()).put("quantity", line.quantity())
        .put("unitPrice", money(line.unitPrice(), cart.currency()))
        .put("productId", line.productId() == null ? null : line.productId().toString())
        .put("title", line.title())));
    return new JsonObject()
        .put("cartId", cart.id().toString())
        .put("customerId", cart.customerId() == null ? null : cart.customerId().toString())
        .put("currency", cart.currency())
        .put("lines", lines)
        .put("subtotal", money(cart.subtotal(), cart.currency()))
        .put("couponCodes", new JsonArray(cart.couponCodes()))
        .put("version", cart.version())
        .put("lastActivityAt", lastActivity.toString())
        .put("abandonedAt", now.toString());
  }

  private static JsonObject money(long amount, String currency) {
    return new JsonObject().put("amount", amount).put("currency", currency);
  }
}
