package org.emporium.inventory.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.emporium.inventory.application.LineRequest;
import org.emporium.inventory.infra.ShardClient;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.eventbus.RequestIds;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One instance per shard (event loop): the stock shard {@code inventory.shard.<index>} and a share
 * of the context's public addresses, so requests are spread over the event loops.
 */
final class ShardVerticle extends VerticleBase {

  private final int index;
  private final ShardBatches batches;
  private final InventoryEndpoints endpoints;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();

  ShardVerticle(int index, ShardBatches batches, InventoryEndpoints endpoints) {
    this.index = index;
    this.batches = batches;
    this.endpoints = endpoints;
  }

  @Override
  public Future<?> start() {
    consumers.add(vertx.eventBus().<LineRequest>localConsumer(ShardClient.ADDRESS + index, batches::accept));
    serve("inventory.reserve", endpoints::reserve);
    serve("inventory.commit", endpoints::commit);
    serve("inventory.release", endpoints::release);
    serve("inventory.availability", endpoints::availability);
    serve("inventory.receive", endpoints::receive);
    forwarded("inventory.getStock", endpoints::getStock);
    forwarded("inventory.receiveStock", endpoints::receiveStock);
    forwarded("inventory.returnStock", endpoints::returnStock);
    forwarded("inventory.adjustStock", endpoints::adjustStock);
    forwarded("inventory.setReorderLevel", endpoints::setReorderLevel);
    forwarded("inventory.reserveStock", endpoints::reserveStock);
    forwarded("inventory.commitReservation", endpoints::commitReservation);
    forwarded("inventory.releaseReservation", endpoints::releaseReservation);
    forwarded("inventory.checkAvailability", endpoints::checkAvailability);
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList());
  }

  private void forwarded(String address, Function<ForwardedRequest, Future<JsonObject>> operation) {
    serve(address, body -> operation.apply(ForwardedRequest.of(body)));
  }

  private void serve(String address, Function<JsonObject, Future<JsonObject>> operation) {
    consumers.add(vertx.eventBus().consumer(address, (Message<Object> message) -> {
      RequestIds.adopt(message);
      Future<JsonObject> reply;
      try {
        reply = message.body() instanceof JsonObject body ? operation.apply(body) : Future.failedFuture(
            Problem.of(ErrorCode.BAD_REQUEST, "The request must be a JSON object.").toException());
      } catch (RuntimeException e) {
        reply = Future.failedFuture(e);
      }
      reply.onSuccess(message::reply).onFailure(failure -> Problems.fail(message, InventoryProblems.of(failure)));
    }));
  }
}
