package org.emporium.cart.infra;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Redis connection per verticle instance, shared by all its requests: commands are written as
 * they come and their replies read in order, so concurrent cart operations are pipelined on the
 * connection instead of each taking a pooled connection for its round trip. A broken connection
 * (Redis restarted, a reply not in time) is dropped and the next command opens a new one. Used from
 * the owning verticle's event loop only.
 */
public final class RedisPipeline {

  private final Redis client;
  private final long timeoutMs;
  private Future<RedisConnection> connection;

  public RedisPipeline(Redis client, long timeoutMs) {
    this.client = client;
    this.timeoutMs = timeoutMs;
  }

  public Future<Response> send(Request request) {
    return connection().compose(open -> open.send(request)
        .timeout(timeoutMs, TimeUnit.MILLISECONDS)
        .onFailure(failure -> {
          // a closed connection is dropped by its end handler; one that stopped answering, here
          if (failure instanceof TimeoutException) {
            forget(open);
          }
        }));
  }

  /**
   * Runs a script by its SHA-1 ({@code EVALSHA}); a Redis that does not know it yet (new, or
   * restarted) gets its source once with {@code EVAL}, which also caches it there.
   */
  public Future<Response> eval(RedisScript script, List<String> keys, List<String> args) {
    return send(call(Command.EVALSHA, script.sha(), keys, args)).recover(failure -> {
      String message = failure.getMessage();
      return message != null && message.startsWith("NOSCRIPT")
          ? send(call(Command.EVAL, script.source(), keys, args)) : Future.failedFuture(failure);
    });
  }

  public Future<Void> close() {
    Future<RedisConnection> open = connection;
    connection = null;
    return open == null ? Future.succeededFuture() : open.transform(done -> done.succeeded()
        ? done.result().close() : Future.succeededFuture());
  }

  private static Request call(Command command, String script, List<String> keys, List<String> args) {
    Request request = Request.cmd(command).arg(script).arg(keys.size());
    keys.forEach(request::arg);
    args.forEach(request::arg);
    return request;
  }

  private Future<RedisConnection> connection() {
    Future<RedisConnection> current = connection;
    if (current != null && !current.failed()) {
      return current;
    }
    Promise<RedisConnection> opened = Promise.promise();
    connection = opened.future();
    client.connect().onComplete(done -> {
      if (done.succeeded()) {
        RedisConnection open = done.result();
        open.exceptionHandler(failure -> forget(open)).endHandler(end -> forget(open));
        opened.complete(open);
      } else {
        opened.fail(done.cause());
      }
    });
    return opened.future();
  }

  private void forget(RedisConnection broken) {
    Future<RedisConnection> current = connection;
    if (current != null && current.succeeded() && current.result() == broken) {
      connection = null;
      broken.close();
    }
  }
}
