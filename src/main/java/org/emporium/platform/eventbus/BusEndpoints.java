package org.emporium.platform.eventbus;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A verticle's request/reply addresses: each takes a JSON object, runs an operation and replies with
 * its result, or with a problem (the context's own mapping of its failures, then {@link Problems}).
 * Request ids travel with the message into the operation's logs. Replies travel by reference on
 * the same node ({@link SharedJson}): an operation must not change what it replied with, nor keep
 * changing it, and callers must not change what they receive. Each address is also served under the
 * name of the instance's event loop, for {@link SameLoop} requests from that loop.
 */
public final class BusEndpoints {

  /** Only read when replying, so one instance serves every reply. */
  private static final DeliveryOptions REPLY = SharedJson.use(new DeliveryOptions());

  private final Vertx vertx;
  private final Function<Throwable, Throwable> problems;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();

  /** Replies to failures as {@link Problems} maps them. */
  public BusEndpoints(Vertx vertx) {
    this(vertx, failure -> failure);
  }

  /** {@code problems} first maps the context's own failures (its rejections) to problem carriers. */
  public BusEndpoints(Vertx vertx, Function<Throwable, Throwable> problems) {
    this.vertx = vertx;
    this.problems = problems;
    SharedJson.register(vertx);
  }

  /** An address the edge forwards a REST or gRPC request to (the body is the envelope). */
  public BusEndpoints forwarded(String address, Function<ForwardedRequest, Future<JsonObject>> operation) {
    return serve(address, body -> operation.apply(ForwardedRequest.of(body)));
  }

  /** An address other contexts call directly. */
  public BusEndpoints serve(String address, Function<JsonObject, Future<JsonObject>> operation) {
    Handler<Message<Object>> handler = message -> {
      RequestIds.adopt(message);
      Future<JsonObject> reply;
      try {
        reply = message.body() instanceof JsonObject body ? operation.apply(body)
            : Future.failedFuture(Problem.of(ErrorCode.BAD_REQUEST, "The request must be a JSON object.").toException());
      } catch (RuntimeException e) {
        reply = Future.failedFuture(e);
      }
      reply.onSuccess(result -> message.reply(result, REPLY)).onFailure(failure -> Problems.fail(message, problems.apply(failure)));
    };
    consumers.add(vertx.eventBus().consumer(address, handler));
    if (Context.isOnEventLoopThread()) {
      consumers.add(SameLoop.serve(vertx.eventBus(), address, handler));
    }
    return this;
  }

  /** Completes once every address is registered across the cluster. */
  public Future<Void> registered() {
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
  }
}
