package org.emporium.cart.application;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Write-behind: carts changed (or used) at least {@code delayMs} ago and not saved since are
 * claimed from the store and written to their durable copies in one batch; a failed batch goes back
 * to be tried next round. A busy cart is thus saved about once per delay, an idle one soon after it
 * went quiet. Expired copies are purged along the way.
 */
public final class SavingCarts {

  private static final Logger LOG = LoggerFactory.getLogger(SavingCarts.class);

  private final CartStore store;
  private final CartCopies copies;
  private final Pool pool;
  private final Clock clock;
  private final long delayMs;
  private final int batch;

  public SavingCarts(CartStore store, CartCopies copies, Pool pool, Clock clock, long delayMs, int batch) {
    this.store = store;
    this.copies = copies;
    this.pool = pool;
    this.clock = clock;
    this.delayMs = delayMs;
    this.batch = batch;
  }

  /** One round: saves what is due, batch after batch; answers how many carts were saved. */
  public Future<Integer> save() {
    return saveFrom(0);
  }

  private Future<Integer> saveFrom(int saved) {
    Instant now = clock.instant();
    return store.claimUnsaved(now.toEpochMilli() - delayMs, batch).compose(claimed -> {
      if (claimed.isEmpty()) {
        return Future.succeededFuture(saved);
      }
      return copies.save(pool, claimed.stream().map(CartStore.Claimed::cart).toList(), now)
          .recover(failure -> giveBack(claimed).transform(given -> Future.<Void>failedFuture(failure)))
          .compose(done -> claimed.size() < batch ? Future.succeededFuture(saved + claimed.size())
              : saveFrom(saved + claimed.size()));
    });
  }

  /** Deletes copies that expired, batch after batch; answers how many. */
  public Future<Integer> purge() {
    return purgeFrom(0);
  }

  private Future<Integer> purgeFrom(int purged) {
    return copies.purgeExpired(pool, clock.instant(), batch).compose(deleted -> deleted < batch
        ? Future.succeededFuture(purged + deleted) : purgeFrom(purged + deleted));
  }

  private Future<Void> giveBack(List<CartStore.Claimed> claimed) {
    LOG.warn("Saving {} carts failed; they are kept for the next round", claimed.size());
    return Future.all(claimed.stream()
        .map(c -> store.giveBackUnsaved(c.cart().id(), c.score())).toList()).mapEmpty();
  }
}
