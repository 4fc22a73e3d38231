package org.emporium.platform.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.emporium.platform.config.ConfigSource;
import org.emporium.platform.config.NodeConfig.ClusterSettings;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;
import org.emporium.platform.error.Problems;
import org.emporium.platform.eventbus.BusEndpoints;
import org.emporium.platform.eventbus.RecordCodec;
import org.emporium.platform.eventbus.SharedJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two real Hazelcast members in one JVM, joined over TCP-IP on 127.0.0.1 from conf/cluster.xml. */
class ClusteredEventBusTest {

  private static final int BASE_PORT = 5821;
  private static Vertx first;
  private static Vertx second;

  @BeforeAll
  static void cluster() throws Exception {
    first = member(BASE_PORT);
    second = member(BASE_PORT + 1);
  }

  @AfterAll
  static void leave() throws Exception {
    Future.join(first.close(), second.close()).await(30, TimeUnit.SECONDS);
  }

  private static Vertx member(int port) throws Exception {
    ClusterSettings settings = new ClusterSettings("127.0.0.1", port, false,
        List.of("127.0.0.1:" + BASE_PORT, "127.0.0.1:" + (BASE_PORT + 1)), 1, "conf/cluster.xml");
    VertxOptions options = new VertxOptions();
    options.getEventBusOptions().setHost("127.0.0.1");
    return Vertx.builder()
        .with(options)
        .withClusterManager(ClusterMembership.clusterManager(settings, new ConfigSource(Path.of("."))))
        .buildClustered()
        .await(60, TimeUnit.SECONDS);
  }

  @Test
  void aConsumerOnOneNodeAnswersRequestsFromTheOther() throws Exception {
    first.eventBus().<JsonObject>consumer("test.echo", message ->
        message.reply(message.body().copy().put("answeredBy", "first")))
        .completion().await(10, TimeUnit.SECONDS);
    JsonObject reply = awaitPropagation(() -> second.eventBus()
        .<JsonObject>request("test.echo", new JsonObject().put("n", 42), new DeliveryOptions().setSendTimeout(2000))
        .map(Message::body));
    assertThat(reply.getInteger("n")).isEqualTo(42);
    assertThat(reply.getString("answeredBy")).isEqualTo("first");
  }

  @Test
  void aProblemRepliedOnOneNodeArrivesIntactOnTheOther() throws Exception {
    second.eventBus().<JsonObject>consumer("test.refuse", message ->
        Problems.fail(message, Problem.of(ErrorCode.CONFLICT, "Already reserved").toException()))
        .completion().await(10, TimeUnit.SECONDS);
    assertThatThrownBy(() -> awaitPropagation(() -> first.eventBus()
        .<JsonObject>request("test.refuse", new JsonObject(), new DeliveryOptions().setSendTimeout(2000))
        .map(Message::body)))
        .isInstanceOfSatisfying(ReplyException.class, failure -> {
          Problem problem = Problems.from(failure);
          assertThat(failure.failureCode()).isEqualTo(409);
          assertThat(problem.code()).isEqualTo(ErrorCode.CONFLICT);
          assertThat(problem.detail()).isEqualTo("Already reserved");
        });
  }

  /** A record type as a context would send it. */
  public record StockQuery(String sku, int quantity, List<String> warehouses) {
  }

  @Test
  void recordsTravelBetweenNodesWithTheirCodec() throws Exception {
    RecordCodec.register(first, StockQuery.class);
    RecordCodec.register(second, StockQuery.class);
    first.eventBus().<StockQuery>consumer("test.stock", message -> {
      StockQuery query = message.body();
      message.reply(new StockQuery(query.sku(), query.quantity() * 2, query.warehouses()));
    }).completion().await(10, TimeUnit.SECONDS);
    StockQuery reply = awaitPropagation(() -> second.eventBus()
        .<StockQuery>request("test.stock", new StockQuery("SKU-9", 21, List.of("ams", "fra")),
            new DeliveryOptions().setSendTimeout(2000))
        .map(Message::body));
    assertThat(reply).isEqualTo(new StockQuery("SKU-9", 42, List.of("ams", "fra")));
  }

  @Test
  void sharedJsonRepliesAreTheSameObjectOnTheirNodeAndAnEqualCopyOnAnother() throws Exception {
    JsonObject kept = new JsonObject().put("sku", "SKU-7").put("lines", new io.vertx.core.json.JsonArray().add(1).add(2))
        .put("nested", new JsonObject().put("name", "Ærøskøbing"));
    new BusEndpoints(first).serve("test.shared", body -> Future.succeededFuture(kept)).registered()
        .await(10, TimeUnit.SECONDS);
    SharedJson.register(second);
    JsonObject local = first.eventBus().<JsonObject>request("test.shared", new JsonObject(),
        SharedJson.use(new DeliveryOptions().setSendTimeout(2000))).map(Message::body).await(5, TimeUnit.SECONDS);
    JsonObject remote = awaitPropagation(() -> second.eventBus().<JsonObject>request("test.shared", new JsonObject(),
        SharedJson.use(new DeliveryOptions().setSendTimeout(2000))).map(Message::body));
    assertThat(local).isSameAs(kept);
    assertThat(remote).isNotSameAs(kept).isEqualTo(kept);
  }

  @Test
  void bothMembersSeeTheSameCluster() {
    var members = ((io.vertx.core.internal.VertxInternal) first).clusterManager().getNodes();
    assertThat(members).hasSize(2);
  }

  /** Subscriptions propagate through Hazelcast asynchronously: retry while no handler is known yet. */
  private static <T> T awaitPropagation(java.util.function.Supplier<Future<T>> call) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      try {
        return call.get().await(5, TimeUnit.SECONDS);
      } catch (ReplyException e) {
        if (e.failureType() != io.vertx.core.eventbus.ReplyFailure.NO_HANDLERS || System.currentTimeMillis() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }
}
