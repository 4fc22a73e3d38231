package org.emporium.payment.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.eventbus.RequestIds;
import org.emporium.platform.eventbus.SharedJson;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The internal {@code payment.*} addresses. Like {@code BusEndpoints#serve}, except that failures
 * go through {@link RejectionProblems#fail}, so a decline keeps its {@code reason} member.
 */
final class InternalEndpoints {

  private final Vertx vertx;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();

  InternalEndpoints(Vertx vertx) {
    this.vertx = vertx;
    SharedJson.register(vertx);
  }

  InternalEndpoints serve(String address, Function<JsonObject, Future<JsonObject>> operation) {
    consumers.add(vertx.eventBus().consumer(address, (Message<Object> message) -> {
      RequestIds.adopt(message);
      Future<JsonObject> reply;
      try {
        reply = message.body() instanceof JsonObject body ? operation.apply(body) : Future.failedFuture(
            Problem.of(ErrorCode.BAD_REQUEST, "The request must be a JSON object.").toException());
      } catch (RuntimeException e) {
        reply = Future.failedFuture(e);
      }
      reply.onSuccess(result -> message.reply(result, SharedJson.use(new DeliveryOptions())))
          .onFailure(failure -> RejectionProblems.fail(message, failure));
    }));
    return this;
  }

  Future<Void> registered() {
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
  }
}
