package org.emporium.pricing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.fail;

/**
 * A real node (embedded PostgreSQL, Redis, Kafka) whose clock a test can stop at a chosen instant, so
 * validity windows are checked at exact local times; and the means to call pricing as the edge,
 * the cart and checkout do.
 */
final class PromotionFixture implements AutoCloseable {

  private final Node node;
  private final StoppableClock clock;
  private final Pool pool;

  private PromotionFixture(Node node, StoppableClock clock) {
    this.node = node;
    this.clock = clock;
    this.pool = new Clients(node.config()).postgresUnshared(vertx(), "pricing", 4);
  }

  static PromotionFixture start(Path dir) {
    StoppableClock clock = new StoppableClock();
    Node node = new Node(TestNode.config("test", dir, Map.of()), new ConfigSource(Path.of(".")), clock);
    node.start();
    return new PromotionFixture(node, clock);
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
