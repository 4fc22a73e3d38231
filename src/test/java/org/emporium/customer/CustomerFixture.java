package org.emporium.customer;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.RedisAPI;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.auth.PrincipalJson;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.emporium.testing.TestNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A real node (embedded PostgreSQL, Redis, Kafka) with the customer context deployed, and the
 * means to talk to it as the edge does: forwarded-request envelopes on the event bus.
 */
public final class CustomerFixture implements AutoCloseable {

  private final TestNode node;
  private final Pool pool;
  private final RedisAPI redis;

  private CustomerFixture(TestNode node) {
    this.node = node;
    Clients clients = new Clients(node.config());
    this.pool = clients.postgresUnshared(vertx(), "customer", 2);
    this.redis = RedisAPI.api(clients.redis(vertx()));
  }

  public static CustomerFixture start(Path dir, Map<String, String> overrides) {
    return new CustomerFixture(TestNode.start(dir, overrides));
  }

  public Vertx vertx() {
    return node.node().vertx();
  }

  public TestNode node() {
    return node;
  }

  public Pool pool() {
    return pool;
  }

  public RedisAPI redis() {
    return redis;
  }

  /** A signed-in customer, as the edge would forward them. */
  public static Principal customer(UUID id, String email, String name) {
    return new Principal(id.toString(), id, "https://issuer.test", Set.of("customer"),
        Set.of("customer:self", "cart:own", "checkout:place", "orders:own"), null, "sid-" + id, email, name);
  }

  public static Principal admin(UUID id, String email) {
    return new Principal(id.toString(), id, "https://issuer.test", Set.of("customer", "admin"), Set.of("*"), null,
        "sid-" + id, email, "Admin");
  }

  public static JsonObject envelope(String operation, Principal caller) {
    JsonObject envelope = new JsonObject().put("operation", operation).put("path", new JsonObject())
        .put("query", new JsonObject()).put("headers", new JsonObject())
        .put("client", new JsonObject().put("ip", "203.0.113.7"));
    if (caller != null) {
      envelope.put("principal", PrincipalJson.toJson(caller));
    }
    return envelope;
  }

  /** The reply of a request that must succeed. */
  public JsonObject call(String address, JsonObject message) throws Exception {
    return vertx().eventBus().<JsonObject>request(address, message, new DeliveryOptions().setSendTimeout(10_000))
        .await(15, TimeUnit.SECONDS).body();
  }

  /** The problem of a request that must fail. */
  public Problem problem(String address, JsonObject message) throws Exception {
    try {
      JsonObject reply = call(address, message);
      return fail("expected a problem, got " + reply);
    } catch (ReplyException e) {
      return Problems.from(e);
    }
  }

  public List<Row> rows(String sql, Object... params) throws Exception {
    List<Row> rows = new ArrayList<>();
    pool.preparedQuery(sql).execute(Tuple.wrap(params)).await(10, TimeUnit.SECONDS).forEach(rows::add);
    return rows;
  }

  /** The types of the events in the customer outbox about one customer, oldest first. */
  public List<JsonObject> outbox(UUID customerId) throws Exception {
    return rows("SELECT envelope FROM customer.outbox WHERE aggregate_id = $1 ORDER BY id", customerId.toString())
        .stream().map(row -> new JsonObject(row.getString("envelope"))).toList();
  }

  public String cached(UUID customerId) throws Exception {
    var value = redis.get("customer:profile:" + customerId).await(10, TimeUnit.SECONDS);
    return value == null ? null : value.toString();
  }

  public static void assertField(Problem problem, String field) {
    assertThat(problem.errors()).extracting(Problem.FieldError::field).contains(field);
  }

  @Override
  public void close() throws Exception {
    pool.close().await(5, TimeUnit.SECONDS);
    node.close();
  }
}
