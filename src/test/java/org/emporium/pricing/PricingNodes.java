package org.emporium.pricing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.ConsumerGroupState;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.testing.SharedNodes;
import org.emporium.testing.TestNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two clustered nodes (role {@code all}) on one embedded PostgreSQL, Redis and Kafka, shared by the
 * pricing tests of a run, with demo rates from the USD pivot (EUR 0.9215, JPY 151.37, KWD 0.30745,
 * ISK 137.4, GBP 0.79), ISK's 10 kr cash increment, GBP's .99 charm ending, a EUR 4.90 flat shipping
 * charge, and a few real catalog products. Caches refresh only through events (the periodic refresh
 * is an hour away, promotions read by quotes are kept ten minutes). A web client for each node's edge.
 */
final class PricingNodes implements AutoCloseable {

  static final String ADMIN_EMAIL = "admin@emporium.local";
  static final String ADMIN_PASSWORD = "An admin password for tests";
  static final Principal ADMIN = new Principal("pricing-tests-admin", UUID.randomUUID(), "https://issuer.test",
      Set.of("admin"), Set.of("*"), null, "sid-pricing-tests", "admin@example.com", "Admin");

  final TestNode first;
  final TestNode second;
  final Pool db;
  private final WebClient webA;
  private final WebClient webB;
  private final Map<String, String> tokens = new HashMap<>();
  String shopId;
  String rootCategory;
  String leafCategory;

  private PricingNodes(TestNode first, TestNode second) {
    this.first = first;
    this.second = second;
    this.db = new Clients(first.config()).postgresUnshared(a(), "pricing", 2);
    this.webA = WebClient.create(a(), new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(first.httpPort()));
    this.webB = WebClient.create(b(), new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(second.httpPort()));
  }

  static PricingNodes get() {
    return SharedNodes.get("pricing", () -> {
      PricingNodes nodes = start();
      nodes.catalogue();
      nodes.awaitLiveFeedAssigned();
      return nodes;
    });
  }

  @Override
  public void close() {
    second.close();
    first.close();
  }

  private static PricingNodes start() {
    try {
      Map<String, String> settings = new HashMap<>(Map.of("adminPassword", ADMIN_PASSWORD,
          "identity.password.memoryKib", "64", "identity.password.iterations", "1",
          "pricing.fx.refreshIntervalMs", "3600000",
          "pricing.fx.demoRates", "{\"EUR\": \"0.9215\", \"JPY\": \"151.37\", \"KWD\": \"0.30745\", \"ISK\": \"137.4\","
              + " \"GBP\": \"0.79\"}",
          "pricing.rounding.cashIncrements", "{\"ISK\": \"10\"}",
          "pricing.rounding.charmEndings", "{\"GBP\": \"0.99\"}",
          "pricing.quote.flatShipping", "{\"EUR\": \"4.90\"}",
          "pricing.promotions.cacheMs", "600000"));
      int port = TestNode.freePort();
      settings.put("http.port", String.valueOf(port));
      settings.put("identity.issuerUrl", "http://127.0.0.1:" + port);
      TestNode first = TestNode.start(Files.createTempDirectory("pricing-a"), settings);
      TestNode second = TestNode.start(Files.createTempDirectory("pricing-b"), first.joining(settings));
      return new PricingNodes(first, second);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void catalogue() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    shopId = created("catalog.createShop", new JsonObject().put("slug", "pricing-" + suffix).put("name", "Pricing"));
    rootCategory = created("catalog.createCategory", new JsonObject().put("slug", "home-" + suffix).put("name", "Home"));
    leafCategory = created("catalog.createCategory", new JsonObject().put("slug", "books-" + suffix).put("name", "Books")
        .put("parentId", rootCategory));
  }

  /** The feed starts at the newest offset once it holds partitions; an event before that is not its to see. */
  private void awaitLiveFeedAssigned() {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", first.config().kafka().bootstrapServers()))) {
      eventually(() -> {
        try {
          ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("live.fx")).all()
              .get(10, TimeUnit.SECONDS).get("live.fx");
          assertThat(group.state()).isEqualTo(ConsumerGroupState.STABLE);
          assertThat(group.members()).anyMatch(m -> !m.assignment().topicPartitions().isEmpty());
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      });
    }
  }

  Vertx a() {
    return first.node().vertx();
  }

  Vertx b() {
    return second.node().vertx();
  }

  /** A new published (or draft) product with one SKU priced {@code usd} cents, and {@code eur} cents when given. */
  String product(String categoryId, boolean published, long usd, Long eur) {
    String sku = "P-" + UUID.randomUUID().toString().substring(0, 12);
    JsonArray prices = new JsonArray().add(new JsonObject().put("currency", "USD").put("amount", usd));
    if (eur != null) {
      prices.add(new JsonObject().put("currency", "EUR").put("amount", eur));
    }
    created("catalog.createProduct", new JsonObject().put("title", "Product " + sku).put("categoryId", categoryId)
        .put("shopId", shopId).put("status", published ? "published" : "draft").put("variants", new JsonArray()
            .add(new JsonObject().put("sku", sku).put("options", new JsonObject()).put("weightGrams", 100)
                .put("prices", prices))));
    return sku;
  }

  private String created(String address, JsonObject body) {
    JsonObject reply = call(a(), address, forwarded(address, ADMIN, body));
    assertThat(reply.getInteger("status")).as("%s: %s", address, reply).isEqualTo(201);
    return reply.getJsonObject("body").getString("id");
  }

  static JsonObject forwarded(String operation, Principal caller, JsonObject body) {
    return ForwardedRequest.envelope(operation, new JsonObject(), new JsonObject(), new JsonObject(), body, caller,
        "203.0.113.7");
  }

  static Future<JsonObject> send(Vertx vertx, String address, JsonObject body, boolean localOnly) {
    return vertx.eventBus().<JsonObject>request(address, body, new DeliveryOptions().setSendTimeout(30_000)
        .setLocalOnly(localOnly)).map(Message::body);
  }

  static JsonObject call(Vertx vertx, String address, JsonObject body) {
    return await(send(vertx, address, body, false));
  }

  /** The problem a request failed with. */
  static Problem problem(Vertx vertx, String address, JsonObject body, boolean localOnly) {
    try {
      JsonObject reply = send(vertx, address, body, localOnly).await(60, TimeUnit.SECONDS);
      throw new AssertionError("expected " + address + " to fail, got " + reply);
    } catch (ReplyException e) {
      return Problems.from(e);
    } catch (AssertionError e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  String token(String email) {
    return tokens.computeIfAbsent(email, this::login);
  }

  String adminToken() {
    return token(ADMIN_EMAIL);
  }

  /** A newly registered customer's token. */
  String customerToken() {
    String email = "shopper-" + UUID.randomUUID() + "@example.com";
    expect(true, 201, HttpMethod.POST, "/api/v1/auth/register", null, null,
        new JsonObject().put("email", email).put("password", "correct horse battery").put("name", "Shopper").toBuffer());
    return token(email);
  }

  private String login(String email) {
    String password = email.equals(ADMIN_EMAIL) ? ADMIN_PASSWORD : "correct horse battery";
    return expect(true, 200, HttpMethod.POST, "/api/v1/auth/login", null, null,
        new JsonObject().put("email", email).put("password", password).toBuffer()).getString("access_token");
  }

  /** An HTTP call to node A's edge ({@code onA}) or B's; {@code contentType} null means JSON. */
  HttpResponse<Buffer> http(boolean onA, HttpMethod method, String path, String token, String contentType, Buffer body) {
    HttpRequest<Buffer> request = (onA ? webA : webB).request(method, path).timeout(30_000);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.putHeader("Content-Type", contentType == null ? "application/json" : contentType);
    }
    return await(body == null ? request.send() : request.sendBuffer(body));
  }

  JsonObject expect(boolean onA, int status, HttpMethod method, String path, String token, String contentType,
      Buffer body) {
    HttpResponse<Buffer> response = http(onA, method, path, token, contentType, body);
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.bodyAsString()).isEqualTo(status);
    String text = response.bodyAsString();
    return text == null || text.isEmpty() ? new JsonObject() : new JsonObject(text);
  }

  List<Row> rows(String sql, Object... args) {
    List<Row> rows = new ArrayList<>();
    await(db.preparedQuery(sql).execute(Tuple.from(args))).forEach(rows::add);
    return rows;
  }

  long count(String sql, Object... args) {
    return rows(sql, args).get(0).getLong(0);
  }

  /** Asks until {@code check} passes (the caches learn of changes through events) or a minute has gone by. */
  static void eventually(Runnable check) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      try {
        check.run();
        return;
      } catch (AssertionError e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        try {
          TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
