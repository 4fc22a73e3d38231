package org.emporium.reliability.faults;

import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A JSON-over-HTTP client as a shop's front end would use it: keep-alive HTTP/1.1, timeouts. */
final class Http implements AutoCloseable {

  /** An answer: status, the headers the suite reads, the body. */
  record Reply(int status, String replayed, String body) {
    JsonObject json() {
      return body == null || body.isBlank() ? new JsonObject() : new JsonObject(body);
    }

    String detail() {
      return status >= 400 && body != null && body.startsWith("{") ? json().getString("detail", "") : "";
    }
  }

  private final ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
    Thread thread = new Thread(task, "faults-http");
    thread.setDaemon(true);
    return thread;
  });
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).executor(executor).build();

  CompletableFuture<Reply> send(String method, URI uri, Map<String, String> headers, JsonObject body,
      Duration timeout) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> new Reply(response.statusCode(),
            response.headers().firstValue("Idempotent-Replayed").orElse(null), response.body()));
  }

  /** {@link #send} and wait; the failure of the exchange itself is thrown. */
  Reply call(String method, URI uri, Map<String, String> headers, JsonObject body) {
    try {
      return send(method, uri, headers, body, Duration.ofSeconds(40)).join();
    } catch (CompletionException e) {
      throw new IllegalStateException(method + " " + uri + " failed: " + e.getCause(), e.getCause());
    }
  }

  /**
   * {@link #call} that must answer {@code status}; returns the JSON body. A 503 is asked again for
   * a while: a cluster that just formed may not reach every context yet.
   */
  JsonObject expect(int status, String method, URI uri, Map<String, String> headers, JsonObject body) {
    Reply reply = call(method, uri, headers, body);
    for (int tries = 1; reply.status() == 503 && tries < 30; tries++) {
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      reply = call(method, uri, headers, body);
    }
    if (reply.status() != status) {
      throw new IllegalStateException(method + " " + uri + " answered " + reply.status() + ": " + reply.body());
    }
    return reply.json();
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
