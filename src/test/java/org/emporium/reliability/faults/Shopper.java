package org.emporium.reliability.faults;

import io.vertx.core.json.JsonObject;
import org.emporium.reliability.faults.Http.Reply;
import org.emporium.reliability.faults.Journal.Kind;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * One guest: a cart, its lines, then the checkout with the 4242 card, each request on the node the
 * balancer picks. Like a careful front end, it repeats a failed request after a pause (a checkout
 * with the same {@code Idempotency-Key}, so a retry never buys twice) and gives up after a while.
 */
final class Shopper {

  private static final int CART_TRIES = 4;
  private static final int CHECKOUT_TRIES = 30;
  private static final int CONNECT_TRIES = 10;
  private static final Executor LATER = CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS);

  /** A checkout attempt's verdict: done (with or without an order) or worth asking again. */
  private record Verdict(boolean done, boolean again) {
  }

  private final Http http;
  private final Balancer balancer;
  private final Journal journal;
  private final Map<String, Integer> lines;
  private final long startedAt = System.currentTimeMillis();
  private final String key = UUID.randomUUID().toString();
  private String cartId;
  private String cartToken;

  Shopper(Http http, Balancer balancer, Journal journal, Map<String, Integer> lines) {
    this.http = http;
    this.balancer = balancer;
    this.journal = journal;
    this.lines = new LinkedHashMap<>(lines);
  }

  CompletableFuture<Void> run() {
    journal.add(Kind.STARTED, startedAt, -1, null, null, null);
    CompletableFuture<Reply> cart = request(node -> http.send("POST", balancer.node(node).uri("/api/v1/carts"),
        Map.of(), new JsonObject().put("currency", "USD"), Duration.ofSeconds(10)), 201, CART_TRIES);
    CompletableFuture<Void> filled = cart.thenAccept(reply -> {
      cartId = reply.json().getString("cartId");
      cartToken = reply.json().getString("cartToken");
    });
    for (Map.Entry<String, Integer> line : lines.entrySet()) {
      // PUT sets the quantity, so a repeated request leaves the same line
      filled = filled.thenCompose(v -> request(node -> http.send("PUT", balancer.node(node)
          .uri("/api/v1/carts/" + cartId + "/items/" + line.getKey()), Map.of("X-Cart-Token", cartToken),
          new JsonObject().put("quantity", line.getValue()), Duration.ofSeconds(10)), 200, CART_TRIES)
          .thenApply(reply -> null));
    }
    return filled.thenCompose(v -> checkout(CHECKOUT_TRIES)).exceptionally(failure -> {
      journal.add(Kind.GAVE_UP, startedAt, -1, null, cartId, String.valueOf(rootCause(failure)));
      return null;
    });
  }

  private CompletableFuture<Void> checkout(int triesLeft) {
    int[] answered = new int[1];
    JsonObject body = checkoutBody(cartId);
    return connected(node -> {
      answered[0] = node;
      return http.send("POST", balancer.node(node).uri("/api/v1/checkout"),
          Map.of("X-Cart-Token", cartToken, "Idempotency-Key", key), body, Duration.ofSeconds(40));
    }, CONNECT_TRIES).handle((reply, failure) -> judge(reply, failure, answered[0]))
        .thenCompose(verdict -> {
          if (verdict.again() && triesLeft > 1) {
            return CompletableFuture.supplyAsync(() -> null, LATER).thenCompose(v -> checkout(triesLeft - 1));
          }
          if (!verdict.done()) {
            journal.add(Kind.GAVE_UP, startedAt, -1, null, cartId, "checkout: no outcome after its tries");
          }
          return CompletableFuture.completedFuture(null);
        });
  }

  /** A guest's checkout of {@code cartId} with the card the simulator always approves. */
  static JsonObject checkoutBody(String cartId) {
    return new JsonObject().put("cartId", cartId).put("email", "shopper@example.com")
        .put("shippingAddress", new JsonObject().put("name", "Ada Shopper").put("line1", "1 Main St")
            .put("city", "Berlin").put("postalCode", "10115").put("country", "DE"))
        .put("payment", new JsonObject().put("method", "card").put("cardNumber", "4242424242424242"));
  }

  private Verdict judge(Reply reply, Throwable failure, int node) {
    if (failure != null) {
      journal.add(Kind.ERROR, startedAt, node, null, cartId, "checkout: " + rootCause(failure));
      return new Verdict(false, true);
    }
    int status = reply.status();
    String detail = reply.detail();
    if (status == 201) {
      journal.add(Kind.ACKNOWLEDGED, startedAt, node, reply.json().getString("orderId"), cartId, reply.replayed());
      return new Verdict(true, false);
    }
    if (status == 409 && (detail.contains("in progress") || detail.contains("being completed"))) {
      return new Verdict(false, true);
    }
    if (status == 409) {
      journal.add(Kind.REFUSED, startedAt, node, null, cartId, detail);
      return new Verdict(true, false);
    }
    if ("true".equals(reply.replayed())) {
      // the stored answer of an attempt that was undone: nothing bought, nothing charged
      journal.add(Kind.GAVE_UP, startedAt, node, null, cartId, "checkout: " + status + " (stored) " + detail);
      return new Verdict(true, false);
    }
    journal.add(Kind.ERROR, startedAt, node, null, cartId, "checkout: " + status + " " + detail);
    return new Verdict(false, status >= 500);
  }

  /** A cart request until it answers {@code expected}, pausing after errors. */
  private CompletableFuture<Reply> request(IntFunction<CompletableFuture<Reply>> send, int expected, int triesLeft) {
    int[] answered = new int[1];
    return connected(node -> {
      answered[0] = node;
      return send.apply(node);
    }, CONNECT_TRIES).handle((reply, failure) -> {
      if (failure == null && reply.status() == expected) {
        return CompletableFuture.completedFuture(reply);
      }
      String what = failure != null ? String.valueOf(rootCause(failure)) : reply.status() + " " + reply.body();
      journal.add(Kind.ERROR, startedAt, answered[0], null, cartId, "cart: " + what);
      boolean again = triesLeft > 1 && (failure != null || reply.status() >= 500);
      return again ? CompletableFuture.supplyAsync(() -> null, LATER)
          .thenCompose(v -> request(send, expected, triesLeft - 1))
          : CompletableFuture.<Reply>failedFuture(new IllegalStateException("cart: " + what));
    }).thenCompose(future -> future);
  }

  /** Sends on the balancer's next node; a refused connection moves to the next node at once. */
  private CompletableFuture<Reply> connected(IntFunction<CompletableFuture<Reply>> send, int triesLeft) {
    int node = balancer.next();
    return send.apply(node).handle((reply, failure) -> {
      Throwable cause = failure == null ? null : rootCause(failure);
      if ((cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) && triesLeft > 1) {
        balancer.refused(node);
        journal.add(Kind.CONNECT_REFUSED, startedAt, node, null, cartId, String.valueOf(cause));
        return connected(send, triesLeft - 1);
      }
      return failure == null ? CompletableFuture.completedFuture(reply) : CompletableFuture.<Reply>failedFuture(cause);
    }).thenCompose(future -> future);
  }

  private static Throwable rootCause(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause.getCause() instanceof ConnectException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
