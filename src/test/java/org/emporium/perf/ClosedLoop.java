package org.emporium.perf;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A closed-loop load: {@code connections} loops, each sending the next request as soon as the
 * previous answer is in, over keep-alive HTTP/1.1 connections, for a fixed time.
 */
public final class ClosedLoop {

  private final Vertx vertx;
  private final HttpClientAgent client;

  public ClosedLoop(Vertx vertx, HttpClientAgent client) {
    this.vertx = vertx;
    this.client = client;
  }

  /** Result of one run: requests per second and latency percentiles in milliseconds. */
  public record Result(String name, long requests, long errors, double perSecond, double p50, double p99, double max,
      String firstError) {

    @Override
    public String toString() {
      return String.format("%-40s %8.0f req/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (%d requests, %d errors%s)",
          name, perSecond, p50, p99, max, requests, errors, firstError == null ? "" : ", first: " + firstError);
    }
  }

  public Future<Result> run(String name, Supplier<RequestOptions> requests, int connections, long millis) {
    return run(name, requests, null, connections, millis);
  }

  /** As above, each request carrying {@code body} (null for none). */
  public Future<Result> run(String name, Supplier<RequestOptions> requests, Buffer body, int connections, long millis) {
    Run run = new Run(requests, body, System.nanoTime() + millis * 1_000_000,
        new long[(int) Math.min(50_000_000, millis * 500)]);
    long start = System.nanoTime();
    Promise<Void> all = Promise.promise();
    AtomicInteger running = new AtomicInteger(connections);
    vertx.runOnContext(v -> {
      for (int i = 0; i < connections; i++) {
        Promise<Void> loop = Promise.promise();
        loop.future().onComplete(done -> {
          if (running.decrementAndGet() == 0) {
            all.complete();
          }
        });
        next(run, loop);
      }
    });
    return all.future().map(v -> run.result(name, (System.nanoTime() - start) / 1e9));
  }

  // callbacks, not a chain of composed futures: a chain grows with every request and unwinds recursively
  private void next(Run run, Promise<Void> loop) {
    if (System.nanoTime() >= run.end) {
      loop.complete();
      return;
    }
    long sent = System.nanoTime();
    client.request(run.requests.get())
        .compose(req -> run.body == null ? req.send() : req.send(run.body))
        .compose(response -> response.body().map(body -> response.statusCode()))
        .onComplete(done -> {
          if (done.succeeded() && done.result() == 200) {
            run.record((System.nanoTime() - sent) / 1000);
            next(run, loop);
          } else {
            run.errors.incrementAndGet();
            run.firstError.compareAndSet(null, done.succeeded() ? "HTTP " + done.result() : String.valueOf(done.cause()));
            // a failure may come back at once: pause so a broken connection cannot spin
            vertx.setTimer(10, id -> next(run, loop));
          }
        });
  }

  public static RequestOptions request(HttpMethod method, int port, String path, String token) {
    RequestOptions options = new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port)
        .setURI(path).setTimeout(30_000);
    if (token != null) {
      options.putHeader("Authorization", "Bearer " + token);
    }
    return options;
  }

  private static final class Run {
    final Supplier<RequestOptions> requests;
    final Buffer body;
    final long end;
    final long[] micros;
    final AtomicInteger recorded = new AtomicInteger();
    final AtomicLong errors = new AtomicLong();
    final AtomicReference<String> firstError = new AtomicReference<>();

    Run(Supplier<RequestOptions> requests, Buffer body, long end, long[] micros) {
      this.requests = requests;
      this.body = body;
      this.end = end;
      this.micros = micros;
    }

    void record(long latencyMicros) {
      int slot = recorded.getAndIncrement();
      if (slot < micros.length) {
        micros[slot] = latencyMicros;
      }
    }

    Result result(String name, double seconds) {
      int size = Math.min(recorded.get(), micros.length);
      long[] sorted = Arrays.copyOf(micros, size);
      Arrays.sort(sorted);
      return new Result(name, recorded.get(), errors.get(), recorded.get() / seconds, at(sorted, 0.50),
          at(sorted, 0.99), size == 0 ? Double.NaN : sorted[size - 1] / 1000.0, firstError.get());
    }

    private static double at(long[] sorted, double quantile) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(quantile * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }
  }
}
