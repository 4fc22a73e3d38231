package org.emporium.pricing.application;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.emporium.platform.events.Outbox;
import org.emporium.platform.events.OutboxEvent;
import org.emporium.platform.events.Transaction;
import org.emporium.platform.money.FxRate;
import org.emporium.platform.money.FxTableJson;

import java.util.List;

/**
 * Stores a set of validated rates and publishes one {@code fx.updated} event with them in the same
 * transaction. Once the transaction commits, {@code stored} runs (the verticle sends the cluster its
 * refresh notice at once); every node's rate cache also refreshes when the event comes back through
 * the live feed, which may take a relay pass and a Kafka round trip.
 */
public final class SettingRates {

  public static final String TOPIC = "pricing.fx.v1";

  private final Pool pool;
  private final Outbox outbox;
  private final FxRates rates;
  private final Runnable stored;

  public SettingRates(Pool pool, Outbox outbox, FxRates rates, Runnable stored) {
    this.pool = pool;
    this.outbox = outbox;
    this.rates = rates;
    this.stored = stored;
  }

  public Future<List<FxRate>> set(String actor, List<FxRate> changed) {
    JsonArray items = new JsonArray();
    changed.forEach(rate -> items.add(FxTableJson.of(rate)));
    return Transaction.run(pool, outbox, tx -> rates.upsert(tx.connection(), changed).onSuccess(v ->
        tx.publish(OutboxEvent.of("fx", "rates", "fx.updated",
            new JsonObject().put("rates", items).put("actor", actor)))))
        .onSuccess(v -> stored.run()).map(changed);
  }
}
