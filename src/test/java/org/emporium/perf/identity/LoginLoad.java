package org.emporium.perf.identity;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A closed loop of sign-ins: {@code concurrency} requests in flight, each followed by the next. */
final class LoginLoad {

  private LoginLoad() {
  }

  record Result(double perSecond, long failed, Latency latency) {
    JsonObject toJson(int concurrency) {
      return new JsonObject().put("concurrency", concurrency).put("perSecond", perSecond).put("failed", failed)
          .put("p50Ms", latency.p50()).put("p99Ms", latency.p99()).put("p999Ms", latency.p999())
          .put("maxMs", latency.max());
    }
  }

  static Result run(Vertx vertx, List<String> emails, String password, int concurrency, int seconds)
      throws Exception {
    ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
    AtomicLong failed = new AtomicLong();
    AtomicInteger next = new AtomicInteger();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<Future<Void>> users = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      Promise<Void> done = Promise.promise();
      vertx.runOnContext(v -> loop(vertx, emails, password, next, deadline, samples, failed, done));
      users.add(done.future());
    }
    Future.all(users).await(seconds + 120L, TimeUnit.SECONDS);
    long[] nanos = samples.stream().mapToLong(Long::longValue).toArray();
    return new Result(nanos.length / (double) seconds, failed.get(), Latency.of(nanos));
  }

  private static void loop(Vertx vertx, List<String> emails, String password, AtomicInteger next, long deadline,
      ConcurrentLinkedQueue<Long> samples, AtomicLong failed, Promise<Void> done) {
    if (System.nanoTime() >= deadline) {
      done.complete();
      return;
    }
    String email = emails.get(Math.floorMod(next.getAndIncrement(), emails.size()));
    JsonObject envelope = new JsonObject().put("body", new JsonObject().put("email", email).put("password", password));
    long start = System.nanoTime();
    vertx.eventBus().request("identity.login", envelope, new DeliveryOptions().setSendTimeout(30_000))
        .onComplete(reply -> {
          if (reply.succeeded()) {
            samples.add(System.nanoTime() - start);
          } else {
            failed.incrementAndGet();
          }
          loop(vertx, emails, password, next, deadline, samples, failed, done);
        });
  }
}
