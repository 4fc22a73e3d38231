package org.emporium.inventory.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import org.emporium.inventory.application.LineRequest;
import org.emporium.inventory.infra.ShardClient;
import org.emporium.platform.eventbus.BusEndpoints;

/**
 * One instance per shard (event loop): the stock shard {@code inventory.shard.<index>} and a share
 * of the context's public addresses, so requests are spread over the event loops.
 */
final class ShardVerticle extends VerticleBase {

  private final int index;
  private final ShardBatches batches;
  private final InventoryEndpoints endpoints;

  ShardVerticle(int index, ShardBatches batches, InventoryEndpoints endpoints) {
    this.index = index;
    this.batches = batches;
    this.endpoints = endpoints;
  }

  @Override
  public Future<?> start() {
    MessageConsumer<LineRequest> shard = vertx.eventBus().localConsumer(ShardClient.ADDRESS + index, batches::accept);
    BusEndpoints bus = new BusEndpoints(vertx, InventoryProblems::of)
        .serve("inventory.reserve", endpoints::reserve)
        .serve("inventory.commit", endpoints::commit)
        .serve("inventory.release", endpoints::release)
        .serve("inventory.restock", endpoints::restock)
        .serve("inventory.availability", endpoints::availability)
        .serve("inventory.receive", endpoints::receive)
        .forwarded("inventory.getStock", endpoints::getStock)
        .forwarded("inventory.receiveStock", endpoints::receiveStock)
        .forwarded("inventory.returnStock", endpoints::returnStock)
        .forwarded("inventory.adjustStock", endpoints::adjustStock)
        .forwarded("inventory.setReorderLevel", endpoints::setReorderLevel)
        .forwarded("inventory.reserveStock", endpoints::reserveStock)
        .forwarded("inventory.commitReservation", endpoints::commitReservation)
        .forwarded("inventory.releaseReservation", endpoints::releaseReservation)
        .forwarded("inventory.checkAvailability", endpoints::checkAvailability);
    return Future.all(shard.completion(), bus.registered());
  }
}
