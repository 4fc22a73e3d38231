package org.emporium.pricing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.config.ConfigSource;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.emporium.platform.node.Node;
import org.emporium.testing.TestNode;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A real node (embedded PostgreSQL, Redis, Kafka) whose clock a test can stop at a chosen instant, so
 * validity windows are checked at exact local times; and the means to call pricing as the edge,
 * the cart and checkout do.
 */
final class PromotionFixture implements AutoCloseable {

  static final String ADMIN_PASSWORD = "An admin password for tests";

  private final Node node;
  private final StoppableClock clock;
  private final Pool pool;
  private final WebClient client;
  private String adminToken;

  private PromotionFixture(Node node, StoppableClock clock) {
    this.node = node;
    this.clock = clock;
    this.pool = new Clients(node.config()).postgresUnshared(vertx(), "pricing", 4);
    this.client = WebClient.create(vertx(), new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(node.config().http().port()));
  }

  static PromotionFixture start(Path dir) {
    StoppableClock clock = new StoppableClock();
    Node node = new Node(TestNode.config("test", dir, Map.of("adminPassword", ADMIN_PASSWORD)),
        new ConfigSource(Path.of(".")), clock);
    node.start();
    return new PromotionFixture(node, clock);
  }

  /** The REST answer's body (empty for none), after checking its status. */
  JsonObject expect(int status, HttpMethod method, String path, String token, JsonObject body) throws Exception {
    HttpRequest<Buffer> request = client.request(method, path).timeout(15_000);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    HttpResponse<Buffer> response = (body == null ? request.send() : request.sendJsonObject(body))
        .await(20, TimeUnit.SECONDS);
    assertThat(response.statusCode()).as("%s %s: %s", method, path, response.bodyAsString()).isEqualTo(status);
    String text = response.bodyAsString();
    JsonObject json = text == null || text.isEmpty() ? new JsonObject() : new JsonObject(text);
    String location = response.getHeader("Location");
    return location == null ? json : json.put("_location", location);
  }

  /** The seeded administrator's access token. */
  String admin() throws Exception {
    if (adminToken == null) {
      adminToken = expect(200, HttpMethod.POST, "/api/v1/auth/login", null, new JsonObject()
          .put("email", "admin@emporium.local").put("password", ADMIN_PASSWORD)).getString("access_token");
    }
    return adminToken;
  }

  /** A new customer's access token. */
  String customer() throws Exception {
    JsonObject login = new JsonObject().put("email", "shopper-" + UUID.randomUUID() + "@example.com")
        .put("password", "correct horse battery");
    expect(201, HttpMethod.POST, "/api/v1/auth/register", null, login.copy().put("name", "Shopper"));
    return expect(200, HttpMethod.POST, "/api/v1/auth/login", null, login).getString("access_token");
  }

  Vertx vertx() {
    return node.vertx();
  }

  Pool pool() {
    return pool;
  }

  /** Every clock of the node reads {@code instant} until {@link #resume()}. */
  void stopAt(Instant instant) {
    clock.stopped.set(instant);
  }

  void resume() {
    clock.stopped.set(null);
  }

  JsonObject call(String address, JsonObject message) throws Exception {
    return request(address, message).await(30, TimeUnit.SECONDS);
  }

  Future<JsonObject> request(String address, JsonObject message) {
    return vertx().eventBus().<JsonObject>request(address, message, new DeliveryOptions().setSendTimeout(60_000))
        .map(reply -> reply.body());
  }

  Problem problem(String address, JsonObject message) throws Exception {
    try {
      return fail("expected a problem, got " + call(address, message));
    } catch (ReplyException e) {
      return Problems.from(e);
    }
  }

  List<Row> rows(String sql, Object... params) throws Exception {
    List<Row> rows = new ArrayList<>();
    pool.preparedQuery(sql).execute(Tuple.wrap(params)).await(10, TimeUnit.SECONDS).forEach(rows::add);
    return rows;
  }

  long count(String sql, Object... params) throws Exception {
    return rows(sql, params).get(0).getLong(0);
  }

  /** The event types in the pricing outbox about one aggregate, oldest first. */
  List<JsonObject> events(String aggregateId) throws Exception {
    return rows("SELECT envelope FROM pricing.outbox WHERE aggregate_id = $1 ORDER BY id", aggregateId).stream()
        .map(row -> new JsonObject(row.getString("envelope"))).toList();
  }

  static JsonArray array(Object... values) {
    return new JsonArray(List.of(values));
  }

  @Override
  public void close() throws Exception {
    client.close();
    pool.close().await(5, TimeUnit.SECONDS);
    node.stop();
  }

  /** The system clock, or a stopped instant while a test needs one. */
  private static final class StoppableClock extends Clock {

    private final AtomicReference<Instant> stopped = new AtomicReference<>();

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
      Instant at = stopped.get();
      return at == null ? Instant.now() : at;
    }
  }
}
