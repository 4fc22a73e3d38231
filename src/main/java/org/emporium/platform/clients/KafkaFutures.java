package org.emporium.platform.clients;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.apache.kafka.common.KafkaFuture;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Kafka admin results as Vert.x futures, completed back on the caller's context. */
public final class KafkaFutures {

  private KafkaFutures() {
  }

  /** A Kafka future's outcome, delivered on {@code context}, with wrapper exceptions unwrapped. */
  public static <T> Future<T> onContext(KafkaFuture<T> future, Context context) {
    Promise<T> promise = Promise.promise();
    future.whenComplete((value, error) -> context.runOnContext(v -> {
      if (error == null) {
        promise.complete(value);
      } else {
        promise.fail(unwrap(error));
      }
    }));
    return promise.future();
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
