package org.emporium.perf.auth;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load: {@code connections} loops, each sending the next request as soon as the
 * previous answer is in, over keep-alive HTTP/1.1 connections, for a fixed time.
 */
final class ClosedLoop {

  private final Vertx vertx;
  private final HttpClientAgent client;

  ClosedLoop(Vertx vertx, HttpClientAgent client) {
    this.vertx = vertx;
    this.client = client;
  }

  /** Result of one run: requests per second and latency percentiles in milliseconds. */
  record Result(String name, long requests, long errors, double perSecond, double p50, double p99, double max) {

    @Override
    public String toString() {
      return String.format("%-34s %9.0f req/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (%d requests, %d errors)",
          name, perSecond, p50, p99, max, requests, errors);
    }
  }

  Future<Result> run(String name, RequestOptions request, int connections, long millis) {
    long[] micros = new long[(int) Math.min(Integer.MAX_VALUE - 8, millis * 200)];
    AtomicInteger recorded = new AtomicInteger();
    AtomicLong errors = new AtomicLong();
    long start = System.nanoTime();
    long end = start + millis * 1_000_000;
    Promise<Void> all = Promise.promise();
    AtomicInteger running = new AtomicInteger(connections);
    vertx.runOnContext(v -> {
      for (int i = 0; i < connections; i++) {
        loop(request, end, micros, recorded, errors).onComplete(done -> {
          if (running.decrementAndGet() == 0) {
            all.complete();
          }
        });
      }
    });
    return all.future().map(v -> {
      double seconds = (System.nanoTime() - start) / 1e9;
      int size = Math.min(recorded.get(), micros.length);
      long[] sorted = Arrays.copyOf(micros, size);
      Arrays.sort(sorted);
      return new Result(name, recorded.get(), errors.get(), recorded.get() / seconds,
          at(sorted, 0.50), at(sorted, 0.99), size == 0 ? Double.NaN : sorted[size - 1] / 1000.0);
    });
  }

  private Future<Void> loop(RequestOptions request, long end, long[] micros, AtomicInteger recorded, AtomicLong errors) {
    if (System.nanoTime() >= end) {
      return Future.succeededFuture();
    }
    long sent = System.nanoTime();
    return client.request(request)
        .compose(req -> req.send())
        .compose(response -> response.body().map(body -> response.statusCode()))
        .transform(done -> {
          if (done.failed() || done.result() != 200) {
            errors.incrementAndGet();
          }
          int slot = recorded.getAndIncrement();
          if (slot < micros.length) {
            micros[slot] = (System.nanoTime() - sent) / 1000;
          }
          return loop(request, end, micros, recorded, errors);
        });
  }

  static RequestOptions get(int port, String path, String token) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port).setURI(path);
    if (token != null) {
      options.putHeader("Authorization", "Bearer " + token);
    }
    return options;
  }

  private static double at(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
  }
}
