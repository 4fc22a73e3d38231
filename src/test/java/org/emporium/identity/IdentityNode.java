package org.emporium.identity;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import org.emporium.identity.api.IdentityVerticle;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.emporium.platform.id.TimeOrderedIds;
import org.emporium.platform.node.Platform;
import org.emporium.platform.node.Readiness;
import org.emporium.testing.TestNode;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real node (embedded PostgreSQL, Redis, Kafka) running the identity verticle, shared by the
 * identity tests of one run. The node's own roles leave identity out and the test deploys it, so
 * no other context answers {@code customer.createProfile} here. Hashing is cheap (64 KiB, one
 * pass) and the login limits small, to keep the suite fast.
 */
public final class IdentityNode implements ExtensionContext.Store.CloseableResource, AutoCloseable {

  static final Map<String, String> SETTINGS = Map.of(
      "roles", "async",
      "identity.password.memoryKib", "64",
      "identity.password.iterations", "1",
      "identity.loginLimits.perAccount.attempts", "3",
      "identity.loginLimits.perAccount.windowSeconds", "60",
      "identity.loginLimits.perIp.attempts", "5",
      "identity.loginLimits.perIp.windowSeconds", "120");

  private final Path dir;
  private final TestNode node;
  private final Pool pool;

  private IdentityNode(Path dir, TestNode node) {
    this.dir = dir;
    this.node = node;
    this.pool = new Clients(node.config()).postgresUnshared(node.node().vertx(), "identity", 4);
  }

  /** Starts a node with {@link #SETTINGS} and {@code overrides}, and deploys the identity verticle. */
  public static IdentityNode start(Map<String, String> overrides) {
    try {
      Path dir = Files.createTempDirectory("identity-test");
      Map<String, String> settings = new HashMap<>(SETTINGS);
      settings.putAll(overrides);
      IdentityNode identity = new IdentityNode(dir, TestNode.start(dir, settings));
      identity.deploy(identity.config(), 2);
      return identity;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Vertx vertx() {
    return node.node().vertx();
  }

  /** The node's configuration, with the embedded servers' real ports. */
  public NodeConfig config() {
    return node.config();
  }

  /** Deploys identity verticles with {@code config}; fails as their start fails. */
  public String deploy(NodeConfig config, int instances) {
    Clock clock = Clock.systemUTC();
    Platform platform = new Platform(config, clock, new TimeOrderedIds(clock), new Clients(config), new Readiness(),
        null, null);
    return await(vertx().deployVerticle(() -> new IdentityVerticle(platform),
        new DeploymentOptions().setInstances(instances)));
  }

  public void undeploy(String deploymentId) {
    await(vertx().undeploy(deploymentId));
  }

  /** A configuration like the node's with some values replaced (dotted paths). */
  public NodeConfig configWith(Map<String, Object> changes) {
    JsonObject json = config().json().copy();
    changes.forEach((path, value) -> {
      String[] keys = path.split("\\.");
      JsonObject section = json;
      for (int i = 0; i < keys.length - 1; i++) {
        section = section.getJsonObject(keys[i]);
      }
      section.put(keys[keys.length - 1], value);
    });
    return NodeConfig.from(json);
  }

  /** Sends a forwarded request and returns the reply ({@code {status, headers, body}}); fails on a problem. */
  public JsonObject call(String address, JsonObject envelope) {
    return await(request(address, envelope)).body();
  }

  /** Sends a forwarded request that must be refused, and returns the problem. */
  public Problem problem(String address, JsonObject envelope) {
    try {
      JsonObject reply = call(address, envelope);
      throw new AssertionError(address + " answered " + reply + " where a problem was expected");
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof ReplyException reply) {
        return Problems.from(reply);
      }
      throw e;
    }
  }

  /** The status of the answer, a reply's or a problem's. */
  public int status(String address, JsonObject envelope) {
    Future<Message<JsonObject>> answer = request(address, envelope);
    await(answer.otherwiseEmpty());
    return answer.succeeded() ? answer.result().body().getInteger("status") : Problems.from(answer.cause()).status();
  }

  public Future<Message<JsonObject>> request(String address, JsonObject envelope) {
    return vertx().eventBus().request(address, envelope, new DeliveryOptions().setSendTimeout(20_000));
  }

  /** A small pool of the identity schema's database, for checking state. */
  public Pool pool() {
    return pool;
  }

  public RowSet<Row> sql(String statement, Object... parameters) {
    return await(pool.preparedQuery(statement).execute(Tuple.from(parameters)));
  }

  public long count(String statement, Object... parameters) {
    return sql(statement, parameters).iterator().next().getLong(0);
  }

  public static String newEmail() {
    return "u" + UUID.randomUUID() + "@shop.example";
  }

  public static <T> T await(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      pool.close();
      node.close();
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }
}
