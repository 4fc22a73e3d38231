package org.emporium.perf.identity;

import io.vertx.core.json.JsonObject;
import org.emporium.identity.domain.HashCost;
import org.emporium.identity.infra.Argon2idHasher;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The bare Argon2id verification a sign-in spends, on {@code threads} threads at once. */
final class HashBaseline {

  static final HashCost DEFAULT_COST = new HashCost(19456, 2, 1);

  private HashBaseline() {
  }

  record Result(int threads, double perSecond, Latency latency) {
    JsonObject toJson() {
      return new JsonObject().put("threads", threads).put("perSecond", perSecond).put("p50Ms", latency.p50())
          .put("p99Ms", latency.p99()).put("p999Ms", latency.p999());
    }
  }

  static Result run(String password, int threads, int seconds) throws InterruptedException {
    Argon2idHasher hasher = new Argon2idHasher(DEFAULT_COST, new SecureRandom());
    String phc = hasher.hash(password);
    for (int i = 0; i < 10; i++) {
      hasher.verify(password, phc);
    }
    ConcurrentLinkedQueue<Long> samples = new ConcurrentLinkedQueue<>();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker = new Thread(() -> {
        while (System.nanoTime() < deadline) {
          long start = System.nanoTime();
          if (!hasher.verify(password, phc)) {
            throw new IllegalStateException("verification failed");
          }
          samples.add(System.nanoTime() - start);
        }
      });
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    long[] nanos = samples.stream().mapToLong(Long::longValue).toArray();
    return new Result(threads, nanos.length / (double) seconds, Latency.of(nanos));
  }
}
