package org.emporium.perf.checkout;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Guest checkouts over REST ({@code POST /api/v1/checkout}, keep-alive HTTP/1.1, a new
 * Idempotency-Key each), each on the next unused cart of a batch made ahead.
 */
final class Checkouts {

  static final String CARD = "4242424242424242";

  private final HttpClientAgent http;
  private final int port;
  private List<Shop.Cart> carts = List.of();
  private final AtomicInteger next = new AtomicInteger();

  Checkouts(HttpClientAgent http, int port) {
    this.http = http;
    this.port = port;
  }

  /** The carts the next checkouts use, in order. */
  void use(List<Shop.Cart> batch) {
    carts = batch;
    next.set(0);
  }

  int left() {
    return Math.max(0, carts.size() - next.get());
  }

  static JsonObject body(String cartId) {
    return new JsonObject().put("cartId", cartId).put("email", "bench@example.com")
        .put("shippingAddress", new JsonObject().put("name", "Ada Bench").put("line1", "1 Main St")
            .put("city", "Berlin").put("postalCode", "10115").put("country", "DE"))
        .put("payment", new JsonObject().put("method", "card").put("cardNumber", CARD).put("expiry", "12/30")
            .put("holder", "Ada Bench"));
  }

  /** The HTTP status of one checkout; a failed future when no cart is left or the request failed. */
  Future<Integer> one() {
    int index = next.getAndIncrement();
    if (index >= carts.size()) {
      return Future.failedFuture(new OutOfCarts());
    }
    Shop.Cart cart = carts.get(index);
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
        .setURI("/api/v1/checkout").setTimeout(60_000).putHeader("Content-Type", "application/json")
        .putHeader("X-Cart-Token", cart.token()).putHeader("Idempotency-Key", UUID.randomUUID().toString());
    Buffer body = body(cart.cartId()).toBuffer();
    return http.request(options).compose(request -> request.send(body))
        .compose(response -> response.body().map(b -> response.statusCode()));
  }

  /** The batch of carts ran out before the point's time did. */
  static final class OutOfCarts extends RuntimeException {
    OutOfCarts() {
      super("no cart left", null, false, false);
    }
  }
}
