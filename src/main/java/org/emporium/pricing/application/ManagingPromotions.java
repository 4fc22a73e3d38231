package org.emporium.pricing.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.OutboxEvent;
import org.emporium.platform.events.Transaction;
import org.emporium.platform.id.TimeOrderedIds;
import org.emporium.pricing.domain.Promotion;
import org.emporium.pricing.domain.PromotionDefinition;
import org.emporium.pricing.domain.PromotionRejection;
import org.emporium.pricing.domain.Violation;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Administrators define, change, deactivate and read promotions. Every change publishes one
 * {@code promotion.changed} event with the promotion as it became, in the same transaction.
 */
public final class ManagingPromotions {


  private final Pool pool;
  private final Outbox outbox;
  private final Promotions promotions;
  private final TimeOrderedIds ids;
  private final Clock clock;

  public ManagingPromotions(Pool pool, Outbox outbox, Promotions promotions, TimeOrderedIds ids, Clock clock) {
    this.pool = pool;
    this.outbox = outbox;
    this.promotions = promotions;
    this.ids = ids;
    this.clock = clock;
  }

  public Future<Promotion> create(String actor, PromotionDefinition definition) {
    UUID id = ids.next();
    return Transaction.run(pool, outbox, tx -> codesFree(tx.connection(), definition, id)
        .compose(free -> promotions.insert(tx.connection(), id, definition, clock.instant()))
        .onSuccess(created -> tx.publish(changed(created, "created", actor))));
  }

  /** Replaces the definition; the uses counted so far stay. */
  public Future<Promotion> replace(String actor, UUID id, PromotionDefinition definition) {
    return Transaction.run(pool, outbox, tx -> codesFree(tx.connection(), definition, id)
        .compose(free -> promotions.replace(tx.connection(), id, definition, clock.instant()))
        .map(replaced -> replaced.orElseThrow(() -> notFound(id)))
        .onSuccess(replaced -> tx.publish(changed(replaced, "updated", actor))));
  }

  /** Stops new uses; redemptions made so far stay counted and can still be released. Idempotent. */
  public Future<Promotion> deactivate(String actor, UUID id) {
    return Transaction.run(pool, outbox, tx -> promotions.deactivate(tx.connection(), id, clock.instant())
        .compose(changed -> {
          if (changed.isPresent()) {
            tx.publish(changed(changed.get(), "deactivated", actor));
            return Future.succeededFuture(changed.get());
          }
          return get(tx.connection(), id);
        }));
  }

  public Future<Promotion> get(UUID id) {
    return get(pool, id);
  }

  public Future<List<Promotion>> page(UUID after, int limit) {
    return promotions.page(pool, after, limit);
  }

  private Future<Promotion> get(SqlClient client, UUID id) {
    return promotions.find(client, id).map(found -> found.orElseThrow(() -> notFound(id)));
  }

  private Future<Void> codesFree(SqlClient client, PromotionDefinition definition, UUID owner) {
    return promotions.taken(client, definition.codes(), owner).compose(taken -> taken.isEmpty()
        ? Future.succeededFuture()
        : Future.failedFuture(new PromotionRejected(new PromotionRejection.Conflict(
            "Coupon codes belong to another promotion: " + String.join(", ", taken) + ".",
            taken.stream().map(code -> new Violation("/codes/" + definition.codes().indexOf(code),
                "belongs to another promotion")).toList()))));
  }

  private static PromotionRejected notFound(UUID id) {
    return new PromotionRejected(new PromotionRejection.NotFound("No promotion has the id " + id + "."));
  }

  private static OutboxEvent changed(Promotion promotion, String change, String actor) {
    return OutboxEvent.of("promotion", promotion.id().toString(), "promotion.changed", new JsonObject()
        .put("change", change).put("actor", actor).put("promotion", PromotionJson.write(promotion)));
  }
}
