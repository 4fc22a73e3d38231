package org.emporium.perf.cart;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Add-to-cart over the event bus ({@code cart.addItem}, the envelope the edge would send), closed
 * loop: each caller owns one guest cart and adds one unit of its SKUs in turn, sending the next
 * request when the answer is in.
 */
final class BusAdds {

  /** A caller's cart: id, token, and the SKUs it adds. */
  record Caller(String cartId, String token, List<String> skus) {
  }

  record Result(String name, int callers, long adds, long errors, double perSecond, double p50, double p99,
      String firstError) {

    @Override
    public String toString() {
      return String.format("%-32s %5d callers %9.0f adds/s  p50 %7.2f ms  p99 %7.2f ms  (%d adds, %d errors%s)",
          name, callers, perSecond, p50, p99, adds, errors, firstError == null ? "" : ", first: " + firstError);
    }
  }

  private static final DeliveryOptions BUS = new DeliveryOptions().setSendTimeout(30_000);

  private final Vertx vertx;

  BusAdds(Vertx vertx) {
    this.vertx = vertx;
  }

  Future<Result> run(String name, List<Caller> callers, long millis) {
    long[] micros = new long[20_000_000];
    AtomicInteger recorded = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    long end = System.nanoTime() + millis * 1_000_000;
    long start = System.nanoTime();
    Promise<Void> all = Promise.promise();
    AtomicInteger running = new AtomicInteger(callers.size());
    vertx.runOnContext(v -> callers.forEach(caller -> next(caller, 0, end, micros, recorded, errors, firstError, () -> {
      if (running.decrementAndGet() == 0) {
        all.complete();
      }
    })));
    return all.future().map(v -> {
      double seconds = (System.nanoTime() - start) / 1e9;
      long[] sorted = Arrays.copyOf(micros, Math.min(recorded.get(), micros.length));
      Arrays.sort(sorted);
      return new Result(name, callers.size(), recorded.get(), errors.get(), recorded.get() / seconds, at(sorted, 0.5),
          at(sorted, 0.99), firstError.get());
    });
  }

  // callbacks rather than an ever-growing future chain
  private void next(Caller caller, int turn, long end, long[] micros, AtomicInteger recorded, AtomicLong errors,
      AtomicReference<String> firstError, Runnable done) {
    if (System.nanoTime() >= end) {
      done.run();
      return;
    }
    JsonObject envelope = new JsonObject().put("operation", "addCartItem")
        .put("path", new JsonObject().put("cartId", caller.cartId())).put("query", new JsonObject())
        .put("headers", new JsonObject().put("x-cart-token", caller.token()))
        .put("body", new JsonObject().put("sku", caller.skus().get(turn % caller.skus().size())).put("quantity", 1))
        .put("client", new JsonObject().put("ip", "127.0.0.1"));
    long sent = System.nanoTime();
    vertx.eventBus().request("cart.addItem", envelope, BUS).onComplete(answer -> {
      if (answer.succeeded()) {
        int slot = recorded.getAndIncrement();
        if (slot < micros.length) {
          micros[slot] = (System.nanoTime() - sent) / 1000;
        }
        next(caller, turn + 1, end, micros, recorded, errors, firstError, done);
      } else {
        errors.incrementAndGet();
        firstError.compareAndSet(null, String.valueOf(answer.cause()));
        vertx.setTimer(10, id -> next(caller, turn + 1, end, micros, recorded, errors, firstError, done));
      }
    });
  }

  private static double at(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
  }
}
