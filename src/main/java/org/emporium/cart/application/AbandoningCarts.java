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
 * Carts with lines that nobody used for {@code idleMs} are abandoned: each is leased in the store's
 * activity set for {@code leaseMs} (so two nodes never take the same one), its durable copy and one
 * {@code cart.abandoned} event are written in one transaction, then the lease is settled (the cart
 * leaves the set until its next use, so there is one event per idle period). A failed transaction,
 * or a node that dies before its commit, leaves the lease to run out and the cart to the next round;
 * a node that dies between the commit and the settling repeats the event (with the same
 * {@code lastActivityAt}, so consumers can tell).
 */
public final class AbandoningCarts {

  private static final Logger LOG = LoggerFactory.getLogger(AbandoningCarts.class);

  private final CartStore store;
  private final CartCopies copies;
  private final Pool pool;
  private final Outbox outbox;
  private final Clock clock;
  private final long idleMs;
  private final long leaseMs;
  private final int batch;

  public AbandoningCarts(CartStore store, CartCopies copies, Pool pool, Outbox outbox, Clock clock, long idleMs,
      long leaseMs, int batch) {
    this.store = store;
    this.copies = copies;
    this.pool = pool;
    this.outbox = outbox;
    this.clock = clock;
    this.idleMs = idleMs;
    this.leaseMs = leaseMs;
    this.batch = batch;
  }

  /** One round: claims and records batch after batch; answers how many carts were found abandoned. */
  public Future<Integer> sweep() {
    return sweepFrom(0);
  }

  private Future<Integer> sweepFrom(int found) {
    Instant now = clock.instant();
    long lease = now.toEpochMilli() + leaseMs - idleMs;
    return store.leaseIdle(now.toEpochMilli() - idleMs, batch, lease).compose(claimed -> {
      if (claimed.isEmpty()) {
        return Future.succeededFuture(found);
      }
      return record(claimed, now)
          .compose(recorded -> store.settleIdle(claimed.stream().map(c -> c.cart().id()).toList(), lease))
          .compose(done -> claimed.size() < batch
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
        .onFailure(failure -> LOG.warn("Recording {} abandoned carts failed ({}); they come back when their lease runs out",
            claimed.size(), failure.getMessage()));
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
