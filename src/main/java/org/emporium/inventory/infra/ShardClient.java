package org.emporium.inventory.infra;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import org.emporium.inventory.application.LineOutcome;
import org.emporium.inventory.application.LineReservations;
import org.emporium.inventory.application.LineRequest;
import org.emporium.inventory.domain.ShardOf;

/**
 * Sends a line to this node's shard of its SKU ({@code inventory.shard.<i>}, local consumers, so
 * one node's requests for a SKU meet in one place and are coalesced). Records travel by reference.
 */
public final class ShardClient implements LineReservations {

  public static final String ADDRESS = "inventory.shard.";

  private final Vertx vertx;
  private final int shards;
  private final DeliveryOptions options;

  public ShardClient(Vertx vertx, int shards, long timeoutMs) {
    this.vertx = vertx;
    this.shards = shards;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs).setLocalOnly(true);
  }

  @Override
  public Future<LineOutcome> reserve(LineRequest request) {
    return vertx.eventBus().<LineOutcome>request(ADDRESS + ShardOf.sku(request.sku(), shards), request, options)
        .map(Message::body);
  }
}
