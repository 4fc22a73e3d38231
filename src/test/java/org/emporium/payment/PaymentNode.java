package org.emporium.payment;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.grpc.client.GrpcClient;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.emporium.edge.grpc.BearerGrpcClient;
import org.emporium.edge.grpc.payment.v1.PaymentServiceGrpcClient;
import org.emporium.platform.clients.Clients;
import org.emporium.testing.SharedNodes;
import org.emporium.testing.TestNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real node (role {@code all}) for the payment tests, with REST and gRPC clients of its edge, a
 * pool on the payment schema and tokens for an admin and two customers. {@code settings} tune the
 * provider (timeout, circuit breaker).
 */
final class PaymentNode implements AutoCloseable {

  static final String ADMIN_PASSWORD = "An admin password for tests";
  static final String WEBHOOK_SECRET = "local-webhook-secret";


  final TestNode node;
  final Pool db;
  private final Vertx client = Vertx.vertx();
  private final WebClient web;
  private final GrpcClient grpc;
  final String adminToken;
  final Customer alice;
  final Customer bob;

  record Customer(String token, String id) {
  }

  PaymentNode(Map<String, String> overrides) {
    try {
      Map<String, String> settings = new HashMap<>(Map.of("adminPassword", ADMIN_PASSWORD,
          "identity.password.memoryKib", "64", "identity.password.iterations", "1"));
      settings.putAll(overrides);
      node = TestNode.start(Files.createTempDirectory("payment"), settings);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    db = new Clients(node.config()).postgresUnshared(node.node().vertx(), "payment", 4);
    web = WebClient.create(client, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(node.httpPort()));
    grpc = GrpcClient.client(client, new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
        .setHttp2ClearTextUpgrade(false));
    adminToken = login("admin@emporium.local", ADMIN_PASSWORD);
    alice = customer();
    bob = customer();
  }

  private Customer customer() {
    String email = "payer-" + UUID.randomUUID() + "@example.com";
    expect(201, HttpMethod.POST, "/api/v1/auth/register", null, new JsonObject().put("email", email)
        .put("password", "correct horse battery").put("name", "Payer"), Map.of());
    String token = login(email, "correct horse battery");
    return new Customer(token, expect(200, HttpMethod.GET, "/api/v1/me", token, null, Map.of()).getString("customerId"));
  }

  private String login(String email, String password) {
    return expect(200, HttpMethod.POST, "/api/v1/auth/login", null,
        new JsonObject().put("email", email).put("password", password), Map.of()).getString("access_token");
  }

  /**
   * The node the payment tests share: a 300 ms provider timeout, two attempts, and a circuit that
   * never opens (the circuit has a node of its own in {@link PaymentCircuitTest}).
   */
  static PaymentNode shared() {
    return SharedNodes.get("payment", () -> new PaymentNode(Map.of("payment.providerTimeoutMs", "300",
        "payment.maxAttempts", "2", "payment.circuitBreaker.maxFailures", "1000000")));
  }

  Vertx vertx() {
    return node.node().vertx();
  }

  PaymentServiceGrpcClient grpc(String token) {
    return PaymentServiceGrpcClient.create(new BearerGrpcClient(grpc, token),
        SocketAddress.inetSocketAddress(node.httpPort(), "127.0.0.1"));
  }

  static <T> T await(Future<T> future) {
    try {
      return future.await(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  Future<JsonObject> send(String address, JsonObject body) {
    return vertx().eventBus().<JsonObject>request(address, body, new DeliveryOptions().setSendTimeout(30_000))
        .map(Message::body);
  }

  JsonObject call(String address, JsonObject body) {
    return await(send(address, body));
  }

  /** The problem JSON (with extension members) a bus request failed with. */
  JsonObject problem(String address, JsonObject body) {
    try {
      send(address, body).await(60, TimeUnit.SECONDS);
    } catch (ReplyException e) {
      return new JsonObject(e.getMessage()).put("status", e.failureCode());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("expected " + address + " to fail");
  }

  static JsonObject authorise(UUID paymentId, String card, long amount, String customerId) {
    return new JsonObject().put("paymentId", paymentId.toString()).put("reference", "checkout-" + paymentId)
        .put("customerId", customerId).put("amount", new JsonObject().put("amount", amount).put("currency", "USD"))
        .put("card", new JsonObject().put("number", card).put("expiry", "12/30").put("holder", "A Payer"));
  }

  /** An authorised and captured payment of {@code amount}. */
  UUID captured(long amount, String customerId) {
    UUID id = UUID.randomUUID();
    call("payment.authorise", authorise(id, "4242424242424242", amount, customerId));
    call("payment.capture", new JsonObject().put("paymentId", id.toString()).put("orderId", UUID.randomUUID().toString()));
    return id;
  }

  HttpResponse<Buffer> http(HttpMethod method, String path, String token, JsonObject body, Map<String, String> headers) {
    HttpRequest<Buffer> request = web.request(method, path).timeout(30_000);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    headers.forEach(request::putHeader);
    try {
      return (body == null ? request.send() : request.sendJsonObject(body)).await(40, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " failed", e);
    }
  }

  JsonObject expect(int status, HttpMethod method, String path, String token, JsonObject body,
      Map<String, String> headers) {
    HttpResponse<Buffer> response = http(method, path, token, body, headers);
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.bodyAsString()).isEqualTo(status);
    String text = response.bodyAsString();
    return text == null || text.isEmpty() ? new JsonObject() : new JsonObject(text);
  }

  List<Row> rows(String sql, Object... args) {
    List<Row> rows = new ArrayList<>();
    await(db.preparedQuery(sql).execute(Tuple.from(args))).forEach(rows::add);
    return rows;
  }

  long number(String sql, Object... args) {
    Object value = rows(sql, args).get(0).getValue(0);
    return value == null ? 0 : ((Number) value).longValue();
  }

  /** The event types the outbox holds for a payment, in order. */
  List<String> events(UUID paymentId) {
    return rows("SELECT event_type FROM payment.outbox WHERE aggregate_id = $1 ORDER BY id", paymentId.toString()).stream()
        .map(r -> r.getString(0)).toList();
  }

  @Override
  public void close() {
    web.close();
    await(grpc.close());
    await(client.close());
    node.close();
  }
}
