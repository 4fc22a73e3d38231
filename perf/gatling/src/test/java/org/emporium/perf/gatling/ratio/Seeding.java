package org.emporium.perf.gatling.ratio;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the ratio loads need before they start, made over the node's REST API (not measured): an
 * admin token, stock, and guest carts with lines.
 */
final class Seeding implements AutoCloseable {

  /** A guest cart: its id and the token that opens it. */
  record Cart(String id, String token) {
  }

  private static final long MAX_RECEIPT = 1_000_000;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ExecutorService pool = Executors.newFixedThreadPool(16);
  private final String baseUrl;
  private String token;

  Seeding(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  String signIn(String email, String password) {
    String body = post("/api/v1/auth/login", "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}",
        null, 200);
    token = field(body, "access_token");
    return token;
  }

  /** Receives {@code units} of each SKU (in receipts of at most a million). */
  void receive(List<String> skus, long units) {
    all(skus.size(), i -> {
      for (long left = units; left > 0; left -= MAX_RECEIPT) {
        post("/api/v1/inventory/" + skus.get(i) + "/receipts", "{\"quantity\": " + Math.min(left, MAX_RECEIPT) + "}",
            "Bearer " + token, 201);
      }
      return null;
    });
  }

  /** Guest carts in USD, each with one unit of every SKU {@code lines} gives it. */
  List<Cart> carts(int count, IntFunction<List<String>> lines) {
    return all(count, i -> {
      String created = post("/api/v1/carts", "{\"currency\": \"USD\"}", null, 201);
      Cart cart = new Cart(field(created, "cartId"), field(created, "cartToken"));
      for (String sku : lines.apply(i)) {
        addLine(cart, sku);
      }
      return cart;
    });
  }

  void addLine(Cart cart, String sku) {
    send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/carts/" + cart.id() + "/items"))
        .header("X-Cart-Token", cart.token()), "{\"sku\": \"" + sku + "\", \"quantity\": 1}", 200);
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }

  private <T> List<T> all(int count, IntFunction<T> task) {
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      futures.add(pool.submit(() -> task.apply(index)));
    }
    List<T> results = new ArrayList<>();
    try {
      for (Future<T> future : futures) {
        results.add(future.get());
      }
    } catch (Exception e) {
      throw new IllegalStateException("seeding failed: " + e.getMessage(), e);
    }
    return results;
  }

  private String post(String path, String body, String authorization, int expected) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (authorization != null) {
      request.header("Authorization", authorization).header("Idempotency-Key", UUID.randomUUID().toString());
    }
    return send(request, body, expected);
  }

  private String send(HttpRequest.Builder request, String body, int expected) {
    try {
      HttpResponse<String> response = http.send(request.header("Content-Type", "application/json")
          .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != expected) {
        throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
            + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(request.build().uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
