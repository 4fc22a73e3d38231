package org.emporium.perf.search;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.apache.kafka.clients.admin.Admin;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.id.TimeOrderedIds;
import org.emporium.platform.node.Platform;
import org.emporium.platform.node.Readiness;
import org.emporium.search.api.SearchVerticle;
import org.emporium.testing.TestNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Search throughput and latency on a generated catalog: a real node (edge, embedded servers), the
 * replica rebuilt through the real path (catalog.exportProducts pages from a deterministic
 * generator, availability from a stand-in), then a closed loop of GET /api/v1/search over HTTP
 * with a query mix at several concurrencies.
 */
public final class SearchBenchmark {

  public static void main(String[] args) throws Exception {
    int products = Integer.getInteger("bench.products", 100_000);
    long seconds = Long.getLong("bench.seconds", 10);
    Path dir = Files.createTempDirectory("search-bench");
    TestNode node = TestNode.start(dir.resolve("node"), Map.of("roles", "edge", "logging.level", "WARN"));
    Vertx vertx = node.node().vertx();
    GeneratedCatalog catalog = new GeneratedCatalog(products);
    standIns(vertx, catalog);
    Admin admin = Admin.create(new HashMap<>(new Clients(node.config()).kafkaCommon("bench-admin")));
    long begin = System.nanoTime();
    vertx.deployVerticle(new SearchVerticle(platform(node, dir.resolve("replica"), admin))).await(60, TimeUnit.SECONDS);
    HttpClientAgent http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(node.httpPort()).setKeepAlive(true), new PoolOptions().setHttp1MaxSize(64));
    while (total(http) < products) {
      Thread.sleep(200);
    }
    System.out.printf("Rebuilt %,d products through catalog.exportProducts in %.1f s%n", products,
        (System.nanoTime() - begin) / 1e9);
    run(vertx, viaHttp(http), "warm-up", 8, 5);
    for (int concurrency : new int[] {1, 4, 16}) {
      System.out.println(run(vertx, viaHttp(http), "HTTP, " + concurrency + " in flight", concurrency, seconds));
    }
    System.out.println(run(vertx, viaBus(vertx), "bus, 4 in flight", 4, seconds));
    admin.close(Duration.ofSeconds(5));
    node.close();
    System.exit(0);
  }

  private static Platform platform(TestNode node, Path dataDir, Admin admin) {
    NodeConfig config = NodeConfig.from(node.config().json().copy().put("dataDir", dataDir.toString()));
    Clock clock = Clock.systemUTC();
    return new Platform(config, clock, new TimeOrderedIds(clock), new Clients(config), new Readiness(), null, admin);
  }

  private static void standIns(Vertx vertx, GeneratedCatalog catalog) {
    vertx.eventBus().<JsonObject>consumer("catalog.exportProducts", m ->
        m.reply(catalog.page(m.body().getString("after"), m.body().getInteger("limit"))));
    JsonArray tree = new JsonArray();
    for (int root = 0; root < GeneratedCatalog.ROOTS; root++) {
      for (int leaf = 0; leaf <= GeneratedCatalog.LEAVES_PER_ROOT; leaf++) {
        tree.add(new JsonObject().put("id", GeneratedCatalog.category(root, leaf))
            .put("parentId", leaf == 0 ? null : GeneratedCatalog.category(root, 0))
            .put("slug", "cat-" + root + "-" + leaf).put("name", "Category " + root + "." + leaf));
      }
    }
    vertx.eventBus().<JsonObject>consumer("catalog.categoryTree", m -> m.reply(new JsonObject().put("items", tree)));
    vertx.eventBus().<JsonObject>consumer("inventory.availability", m -> {
      JsonArray items = new JsonArray();
      m.body().getJsonArray("skus").forEach(sku -> items.add(new JsonObject().put("sku", sku)
          .put("available", Integer.parseInt(((String) sku).substring(4)) % 2 == 0 ? 5 : 0)));
      m.reply(new JsonObject().put("items", items));
    });
  }

  private static long total(HttpClientAgent http) throws Exception {
    return http.request(HttpMethod.GET, "/api/v1/search?limit=1")
        .compose(r -> r.send().compose(response -> response.body()))
        .map(body -> body.toJsonObject().getLong("total", 0L)).await(30, TimeUnit.SECONDS);
  }

  /** GET /api/v1/search through the edge: the HTTP status. */
  private static Function<String, Future<Integer>> viaHttp(HttpClientAgent http) {
    return query -> http.request(HttpMethod.GET, "/api/v1/search?" + query)
        .compose(request -> request.send().compose(response -> response.body().map(body -> response.statusCode())));
  }

  /** search.query on the event bus, skipping the edge: 200 or the failure code. */
  private static Function<String, Future<Integer>> viaBus(Vertx vertx) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(5_000);
    return query -> {
      JsonObject parameters = new JsonObject();
      new QueryStringDecoder("?" + query).parameters().forEach((k, v) -> parameters.put(k, v.get(0)));
      JsonObject envelope = ForwardedRequest.envelope("search", new JsonObject(), parameters, new JsonObject(), null,
          null, "127.0.0.1");
      return vertx.eventBus().<JsonObject>request("search.query", envelope, options)
          .map(reply -> reply.body().getInteger("status", 200));
    };
  }

  private static String run(Vertx vertx, Function<String, Future<Integer>> send, String name, int concurrency,
      long seconds)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    long[] micros = new long[2_000_000];
    AtomicInteger count = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long start = System.nanoTime();
    Future<?>[] loops = new Future<?>[concurrency];
    for (int i = 0; i < concurrency; i++) {
      Promise<Void> done = Promise.promise();
      QueryMix mix = new QueryMix(i + 1);
      vertx.runOnContext(v -> loop(send, mix, deadline, micros, count, errors, done));
      loops[i] = done.future();
    }
    Future.all(Arrays.asList(loops)).await(seconds + 60, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - start) / 1e9;
    int n = Math.min(count.get(), micros.length);
    long[] sorted = Arrays.copyOf(micros, n);
    Arrays.sort(sorted);
    return String.format("%-20s %8.0f queries/s  p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms  (%d queries, %d errors)",
        name, n / elapsed, at(sorted, 0.50), at(sorted, 0.99), sorted.length == 0 ? 0 : sorted[n - 1] / 1000.0, n,
        errors.get());
  }

  private static double at(long[] sorted, double quantile) {
    return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1)] / 1000.0;
  }

  /** Callbacks rather than a composed chain, which would grow with every query. */
  private static void loop(Function<String, Future<Integer>> send, QueryMix mix, long deadline, long[] micros,
      AtomicInteger count, AtomicInteger errors, Promise<Void> done) {
    if (System.nanoTime() > deadline) {
      done.complete();
      return;
    }
    long sent = System.nanoTime();
    send.apply(mix.next()).onComplete(result -> {
      if (result.failed() || result.result() != 200) {
        errors.incrementAndGet();
      }
      int i = count.getAndIncrement();
      if (i < micros.length) {
        micros[i] = (System.nanoTime() - sent) / 1_000;
      }
      loop(send, mix, deadline, micros, count, errors, done);
    });
  }
}
