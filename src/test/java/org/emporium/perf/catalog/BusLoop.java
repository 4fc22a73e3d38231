package org.emporium.perf.catalog;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The catalog alone: {@code catalog.getProduct} requests on the event bus, closed loop, no HTTP. */
final class BusLoop {

  private BusLoop() {
  }

  static double run(Vertx vertx, List<UUID> ids, int inFlight, long millis) throws Exception {
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + millis * 1_000_000;
    Promise<Void> all = Promise.promise();
    AtomicLong running = new AtomicLong(inFlight);
    long start = System.nanoTime();
    vertx.runOnContext(v -> {
      for (int i = 0; i < inFlight; i++) {
        next(vertx, ids, end, done, () -> {
          if (running.decrementAndGet() == 0) {
            all.complete();
          }
        });
      }
    });
    all.future().await(10, TimeUnit.MINUTES);
    return done.get() / ((System.nanoTime() - start) / 1e9);
  }

  private static void next(Vertx vertx, List<UUID> ids, long end, AtomicLong done, Runnable finished) {
    if (System.nanoTime() >= end) {
      finished.run();
      return;
    }
    String id = ids.get(ThreadLocalRandom.current().nextInt(ids.size())).toString();
    JsonObject envelope = new JsonObject().put("operation", "getProduct").put("path", new JsonObject().put("id", id))
        .put("query", new JsonObject()).put("headers", new JsonObject()).put("client", new JsonObject());
    vertx.eventBus().request("catalog.getProduct", envelope, new DeliveryOptions().setSendTimeout(10_000))
        .onComplete(reply -> {
          if (reply.succeeded()) {
            done.incrementAndGet();
          }
          next(vertx, ids, end, done, finished);
        });
  }
}
