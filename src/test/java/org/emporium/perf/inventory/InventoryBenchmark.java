package org.emporium.perf.inventory;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.emporium.perf.JitWarmUp;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.config.PostgresSettings.PgSettings;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.id.TimeOrderedIds;
import org.emporium.testing.TestNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Hot-SKU reservations: pgbench's single-row conditional UPDATE at its best client count, side by
 * side with the engine's successful reservations/s over the event bus and over HTTP, on the same
 * PostgreSQL in one run; then reservations spread over 1,000 SKUs. Prints the ratios and writes
 * perf/results/<timestamp>-inventory/results.txt.
 */
public final class InventoryBenchmark {

  private static final String PASSWORD = "A benchmark admin password";
  private static final int[] BASELINE_CLIENTS = {1, 4, 16, 64};
  private static final int[] BUS_CLIENTS = {1, 16, 64, 256, 1000};
  private static final int[] HTTP_CLIENTS = {64, 256, 1000};
  private static final int[] ORDERED_CLIENTS = {256, 1000};
  private static final DeliveryOptions BUS = new DeliveryOptions().setSendTimeout(30_000);

  private InventoryBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 10);
    Path dir = Files.createTempDirectory("inventory-bench");
    List<String> lines = new ArrayList<>();
    try (TestNode node = TestNode.start(dir, Map.of("adminPassword", PASSWORD, "identity.password.memoryKib", "64",
        "identity.password.iterations", "1"))) {
      Vertx vertx = node.node().vertx();
      PgSettings pg = node.config().postgres().forContext("inventory");
      Pool pool = new Clients(node.config()).postgresUnshared(vertx, "inventory", 1);
      String durability = pool.query("SELECT current_setting('fsync') || '/' || current_setting('synchronous_commit')"
          + " || ' ' || version()").execute().await(10, TimeUnit.SECONDS).iterator().next().getString(0);
      lines.add("PostgreSQL fsync/synchronous_commit: " + durability);
      lines.add(String.format("machine: %d cores, %d s per point, load inside the node's JVM",
          Runtime.getRuntime().availableProcessors(), seconds));
      String hot = "HOT-" + UUID.randomUUID().toString().substring(0, 8);
      List<String> spread = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        spread.add("SPREAD-" + i);
      }
      List<String> skus = new ArrayList<>(spread);
      skus.add(hot);
      catalogue(vertx, skus);

      PgBenchBaseline baseline = new PgBenchBaseline(pg, dir);
      baseline.prepare();
      double bestBaseline = 0;
      for (int clients : BASELINE_CLIENTS) {
        double tps = baseline.tps(clients, seconds);
        bestBaseline = Math.max(bestBaseline, tps);
        lines.add(print(String.format("%-34s %5d clients %9.0f updates/s", "pgbench hot row", clients, tps)));
      }

      ReservationLoad load = new ReservationLoad(vertx);
      // the engine's points start once the JIT compiler has settled (pgbench has nothing to compile)
      JitWarmUp.run(5_000L, () -> {
        topUp(vertx, hot);
        return load.run("warm-up, hot SKU, event bus", () -> reserveOverBus(vertx, hot), 256, 5_000L)
            .await(125, TimeUnit.SECONDS);
      }, (result, jitMs) -> print(result + "  JIT " + jitMs + " ms"));
      List<ReservationLoad.Result> bus = new ArrayList<>();
      for (int clients : BUS_CLIENTS) {
        topUp(vertx, hot);
        ReservationLoad.Result result = load.run("engine hot SKU, event bus", () -> reserveOverBus(vertx, hot),
            clients, seconds * 1000L).await(seconds + 120L, TimeUnit.SECONDS);
        bus.add(result);
        lines.add(print(result.toString()));
      }

      // the same points with time-ordered (version 7) reservation ids, as the engine's own checkout
      // sends them: the reservation's and its line's primary keys then grow at their right edge
      // instead of at random places
      TimeOrderedIds ordered = new TimeOrderedIds(java.time.Clock.systemUTC());
      List<ReservationLoad.Result> busOrdered = new ArrayList<>();
      for (int clients : ORDERED_CLIENTS) {
        topUp(vertx, hot);
        ReservationLoad.Result result = load.run("engine hot SKU, event bus, time-ordered ids",
            () -> reserveOverBus(vertx, ordered.next(), hot), clients, seconds * 1000L)
            .await(seconds + 120L, TimeUnit.SECONDS);
        busOrdered.add(result);
        lines.add(print(result.toString()));
      }

      String token = login(vertx, node.httpPort());
      Vertx loadVertx = Vertx.vertx();
      HttpClientAgent http = loadVertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(1000));
      ReservationLoad httpLoad = new ReservationLoad(loadVertx);
      List<ReservationLoad.Result> rest = new ArrayList<>();
      for (int clients : HTTP_CLIENTS) {
        topUp(vertx, hot);
        ReservationLoad.Result result = httpLoad.run("engine hot SKU, HTTP", () -> reserveOverHttp(http,
            node.httpPort(), token, hot), clients, seconds * 1000L).await(seconds + 120L, TimeUnit.SECONDS);
        rest.add(result);
        lines.add(print(result.toString()));
      }

      for (String sku : spread) {
        receive(vertx, sku, 100_000);
      }
      ReservationLoad.Result spreadResult = load.run("engine 1,000 SKUs, event bus", () -> reserveOverBus(vertx,
          spread.get(ThreadLocalRandom.current().nextInt(spread.size()))), 256, seconds * 1000L)
          .await(seconds + 120L, TimeUnit.SECONDS);
      lines.add(print(spreadResult.toString()));

      double bestBus = bus.stream().mapToDouble(ReservationLoad.Result::perSecond).max().orElse(0);
      double atThousand = bus.get(bus.size() - 1).perSecond();
      double bestHttp = rest.stream().mapToDouble(ReservationLoad.Result::perSecond).max().orElse(0);
      double bestOrdered = busOrdered.stream().mapToDouble(ReservationLoad.Result::perSecond).max().orElse(0);
      lines.add(print(String.format("best pgbench %.0f/s; engine best over the bus %.0f/s (ratio %.1f, target >= 10);"
          + " over HTTP %.0f/s (ratio %.1f); bus at 1,000 clients / bus best = %.2f (target >= 0.9)",
          bestBaseline, bestBus, bestBus / bestBaseline, bestHttp, bestHttp / bestBaseline, atThousand / bestBus)));
      lines.add(print(String.format("with time-ordered reservation ids (as checkout sends them) over the bus %.0f/s"
          + " (ratio %.1f)", bestOrdered, bestOrdered / bestBaseline)));
      lines.add(print("stock check: " + pool.preparedQuery("SELECT min(available), bool_and(reserved <= on_hand)"
          + " FROM inventory.stock").execute().await(10, TimeUnit.SECONDS).iterator().next().toJson().encode()));
      http.close();
      loadVertx.close().await(10, TimeUnit.SECONDS);
      pool.close();
    }
    Path out = Path.of("perf/results", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
        + "-inventory");
    Files.createDirectories(out);
    Files.write(out.resolve("results.txt"), lines);
    System.out.println("written to " + out);
    System.exit(0);
  }

  private static String print(String line) {
    System.out.println(line);
    return line;
  }

  private static JsonObject reservation(String sku) {
    return reservation(UUID.randomUUID(), sku);
  }

  private static JsonObject reservation(UUID id, String sku) {
    return new JsonObject().put("reservationId", id.toString()).put("reference", "bench")
        .put("lines", new JsonArray().add(new JsonObject().put("sku", sku).put("quantity", 1)));
  }

  private static Future<Boolean> reserveOverBus(Vertx vertx, String sku) {
    return reserveOverBus(vertx, UUID.randomUUID(), sku);
  }

  private static Future<Boolean> reserveOverBus(Vertx vertx, UUID id, String sku) {
    return vertx.eventBus().request("inventory.reserve", reservation(id, sku), BUS).map(reply -> true)
        .recover(failure -> failure instanceof ReplyException e && e.failureCode() == 409
            ? Future.succeededFuture(false) : Future.failedFuture(failure));
  }

  private static Future<Boolean> reserveOverHttp(HttpClientAgent http, int port, String token, String sku) {
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
        .setURI("/api/v1/inventory/reservations").setTimeout(30_000)
        .putHeader("Authorization", "Bearer " + token).putHeader("Content-Type", "application/json");
    Buffer body = reservation(sku).toBuffer();
    return http.request(options).compose(request -> request.send(body))
        .compose(response -> response.body().map(b -> response.statusCode()))
        .compose(status -> status == 201 ? Future.succeededFuture(true) : status == 409
            ? Future.succeededFuture(false) : Future.failedFuture("HTTP " + status));
  }

  /** Enough units that no run sells out: a receipt is at most 1,000,000 units. */
  private static void topUp(Vertx vertx, String sku) throws Exception {
    for (int i = 0; i < 3; i++) {
      receive(vertx, sku, 1_000_000);
    }
  }

  private static void receive(Vertx vertx, String sku, int quantity) throws Exception {
    vertx.eventBus().request("inventory.receive", new JsonObject().put("sku", sku).put("quantity", quantity), BUS)
        .await(30, TimeUnit.SECONDS);
  }

  private static String login(Vertx vertx, int port) throws Exception {
    JsonObject envelope = ForwardedRequest.envelope("login", new JsonObject(), new JsonObject(), new JsonObject(),
        new JsonObject().put("email", "admin@emporium.local").put("password", PASSWORD), null, "127.0.0.1");
    JsonObject reply = (JsonObject) vertx.eventBus().request("identity.login", envelope, BUS)
        .await(30, TimeUnit.SECONDS).body();
    return reply.getJsonObject("body").getString("access_token");
  }

  /** Makes the SKUs real: products of the catalog context (inventory asks it before the first receipt). */
  private static void catalogue(Vertx vertx, List<String> skus) throws Exception {
    Principal admin = new Principal("bench-admin", UUID.randomUUID(), "https://bench", java.util.Set.of("admin"),
        java.util.Set.of("*"), null, "sid-bench", "admin@example.com", "Admin");
    String shop = created(vertx, "catalog.createShop", admin, new JsonObject().put("slug", "bench").put("name", "Bench"));
    String category = created(vertx, "catalog.createCategory", admin,
        new JsonObject().put("slug", "bench").put("name", "Bench"));
    for (int from = 0; from < skus.size(); from += 100) {
      JsonArray variants = new JsonArray();
      skus.subList(from, Math.min(skus.size(), from + 100)).forEach(sku -> variants.add(new JsonObject()
          .put("sku", sku).put("options", new JsonObject().put("n", sku)).put("weightGrams", 100)
          .put("prices", new JsonArray().add(new JsonObject().put("currency", "USD").put("amount", 100)))));
      created(vertx, "catalog.createProduct", admin, new JsonObject().put("title", "Bench " + from)
          .put("categoryId", category).put("shopId", shop).put("variants", variants));
    }
  }

  private static String created(Vertx vertx, String address, Principal admin, JsonObject body) throws Exception {
    JsonObject envelope = ForwardedRequest.envelope(address, new JsonObject(), new JsonObject(), new JsonObject(),
        body, admin, "127.0.0.1");
    JsonObject reply = (JsonObject) vertx.eventBus().request(address, envelope, BUS).await(30, TimeUnit.SECONDS).body();
    return reply.getJsonObject("body").getString("id");
  }

}
