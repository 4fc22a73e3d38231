package org.emporium.cart.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Brings back carts the store lost (a Redis restart without its data): when an operation finds no
 * cart, the durable copy that has not expired is put back and the operation runs once more.
 */
public final class Restoring {

  private final CartStore store;
  private final CartCopies copies;
  private final Pool pool;
  private final Clock clock;

  public Restoring(CartStore store, CartCopies copies, Pool pool, Clock clock) {
    this.store = store;
    this.copies = copies;
    this.pool = pool;
    this.clock = clock;
  }

  /** Runs {@code operation} on cart {@code id}, restoring the cart first if the store has lost it. */
  public Future<StoreAnswer> run(UUID id, Supplier<Future<StoreAnswer>> operation) {
    return operation.get().compose(answer -> answer.outcome() != StoreAnswer.Outcome.MISSING
        ? Future.succeededFuture(answer)
        : restore(id).compose(restored -> restored ? operation.get() : Future.succeededFuture(answer)));
  }

  /** Puts cart {@code id} back from its copy; false when there is no live copy. */
  public Future<Boolean> restore(UUID id) {
    return copies.find(pool, id, clock.instant())
        .compose(copy -> copy.isEmpty() ? Future.succeededFuture(false) : store.restore(copy.get()));
  }
}
