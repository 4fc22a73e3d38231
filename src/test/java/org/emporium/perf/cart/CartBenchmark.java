package org.emporium.perf.cart;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import org.emporium.cart.domain.CartTokens;
import org.emporium.cart.infra.CartScripts;
import org.emporium.cart.infra.RedisScript;
import org.emporium.perf.ClosedLoop;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.testing.TestNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Add-to-cart on a real node (role all): {@code cart.addItem} over the event bus and
 * {@code POST /api/v1/carts/{id}/items} over HTTP, side by side with redis-benchmark running the
 * same script ({@code EVALSHA} of put-line, same arguments) and a bare {@code HINCRBY} on the same
 * Redis, at the engine's pipelining depth: the cart keeps one connection per event loop, so
 * {@code n} callers are {@code e} connections (event loops) with {@code n / e} commands in flight
 * each. Prints the ratios and writes perf/results/<timestamp>-cart/results.txt.
 */
public final class CartBenchmark {

  private static final int[] CALLERS = {1, 16, 64, 256};
  private static final int[] CONNECTIONS = {16, 64, 256};
  private static final DeliveryOptions BUS = new DeliveryOptions().setSendTimeout(30_000);

  private CartBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 10);
    Path dir = Files.createTempDirectory("cart-bench");
    List<String> lines = new ArrayList<>();
    // lines may grow without bound here: the figure is the script's work, not its cap
    try (TestNode node = TestNode.start(dir, Map.of("cart.maxLineQuantity", "2000000000"))) {
      Vertx vertx = node.node().vertx();
      int eventLoops = VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE;
      Redis redis = new Clients(node.config()).redis(vertx);
      String info = redis.send(Request.cmd(Command.INFO, "server")).await(10, TimeUnit.SECONDS).toString();
      lines.add(print(String.format("machine: %d cores, load average %s; %d s per point; load inside the node's JVM;"
              + " cart verticles (Redis connections) %d; %s", Runtime.getRuntime().availableProcessors(),
          Files.readString(Path.of("/proc/loadavg")).trim(), seconds, eventLoops,
          info.lines().filter(l -> l.startsWith("redis_version")).findFirst().orElse("redis ?"))));
      List<String> skus = catalogue(vertx);

      BusAdds adds = new BusAdds(vertx);
      adds.run("warm-up", carts(vertx, 64, skus), 5_000).await(2, TimeUnit.MINUTES);
      List<BusAdds.Result> bus = new ArrayList<>();
      for (int callers : CALLERS) {
        BusAdds.Result result = adds.run("engine add-to-cart, event bus", carts(vertx, callers, skus), seconds * 1000L)
            .await(seconds + 120L, TimeUnit.SECONDS);
        bus.add(result);
        lines.add(print(result.toString()));
      }

      Vertx loadVertx = Vertx.vertx();
      HttpClientAgent http = loadVertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(256));
      ClosedLoop loop = new ClosedLoop(loadVertx, http);
      Buffer body = new JsonObject().put("sku", skus.get(0)).put("quantity", 1).toBuffer();
      for (int connections : CONNECTIONS) {
        List<BusAdds.Caller> carts = carts(vertx, connections, skus);
        AtomicInteger turn = new AtomicInteger();
        ClosedLoop.Result result = loop.run("engine add-to-cart, HTTP (" + connections + " connections)", () -> {
          BusAdds.Caller cart = carts.get(Math.floorMod(turn.getAndIncrement(), carts.size()));
          return ClosedLoop.request(HttpMethod.POST, node.httpPort(), "/api/v1/carts/" + cart.cartId() + "/items", null)
              .putHeader("X-Cart-Token", cart.token()).putHeader("Content-Type", "application/json");
        }, body, connections, seconds * 1000L).await(seconds + 120L, TimeUnit.SECONDS);
        lines.add(print(result.toString()));
      }
      http.close();
      loadVertx.close().await(10, TimeUnit.SECONDS);

      BusAdds.Caller probe = carts(vertx, 1, skus).get(0);
      RedisScript putLine = CartScripts.load(vertx).await(10, TimeUnit.SECONDS).get("put-line");
      redis.send(Request.cmd(Command.SCRIPT, "LOAD", putLine.source())).await(10, TimeUnit.SECONDS);
      String item = snapshot(vertx, skus.get(0));
      List<String> evalsha = List.of("EVALSHA", putLine.sha(), "1", "cart:{" + probe.cartId() + "}",
          String.valueOf(System.currentTimeMillis()), "", CartTokens.hash(probe.token()), "604800000", "2592000000",
          probe.cartId(), skus.get(0), "1", "add", "2000000000", "100", item);
      List<String> hincrby = List.of("HINCRBY", "cart:{" + probe.cartId() + "}:lines", skus.get(1), "1");
      RedisBenchmarkBaseline baseline = new RedisBenchmarkBaseline(node.config().redis().host(),
          node.config().redis().port());
      for (BusAdds.Result engine : bus) {
        int connections = Math.min(eventLoops, engine.callers());
        int depth = Math.max(1, engine.callers() / connections);
        RedisBenchmarkBaseline.Result script = baseline.run("redis-benchmark EVALSHA put-line", connections, depth,
            seconds, evalsha);
        RedisBenchmarkBaseline.Result bare = baseline.run("redis-benchmark HINCRBY", connections, depth, seconds,
            hincrby);
        lines.add(print(script.toString()));
        lines.add(print(bare.toString()));
        lines.add(print(String.format("  %d callers: engine/redis-benchmark EVALSHA = %.2f (target >= 0.5),"
                + " engine/HINCRBY = %.2f, engine p99 %.2f ms vs EVALSHA p99 %.2f ms", engine.callers(),
            engine.perSecond() / script.perSecond(), engine.perSecond() / bare.perSecond(), engine.p99(), script.p99())));
      }
      redis.close();
    }
    Path out = Path.of("perf/results", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
        + "-cart");
    Files.createDirectories(out);
    Files.write(out.resolve("results.txt"), lines);
    System.out.println("written to " + out);
    System.exit(0);
  }

  private static String print(String line) {
    System.out.println(line);
    return line;
  }

  /** One guest cart per caller, each with a line of every SKU already. */
  private static List<BusAdds.Caller> carts(Vertx vertx, int count, List<String> skus) throws Exception {
    List<BusAdds.Caller> carts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      JsonObject created = call(vertx, "cart.create", ForwardedRequest.envelope("createCart", new JsonObject(),
          new JsonObject(), new JsonObject(), null, null, "127.0.0.1")).getJsonObject("body");
      BusAdds.Caller caller = new BusAdds.Caller(created.getString("cartId"), created.getString("cartToken"), skus);
      for (String sku : skus) {
        call(vertx, "cart.addItem", ForwardedRequest.envelope("addCartItem",
            new JsonObject().put("cartId", caller.cartId()), new JsonObject(),
            new JsonObject().put("x-cart-token", caller.token()), new JsonObject().put("sku", sku).put("quantity", 1),
            null, "127.0.0.1"));
      }
      carts.add(caller);
    }
    return carts;
  }

  /** Five SKUs of one published product of the real catalog. */
  private static List<String> catalogue(Vertx vertx) throws Exception {
    Principal admin = new Principal("bench-admin", UUID.randomUUID(), "https://bench", Set.of("admin"), Set.of("*"),
        null, "sid-bench", "admin@example.com", "Admin");
    String shop = created(vertx, "catalog.createShop", admin, new JsonObject().put("slug", "bench").put("name", "Bench"));
    String category = created(vertx, "catalog.createCategory", admin,
        new JsonObject().put("slug", "bench").put("name", "Bench"));
    List<String> skus = new ArrayList<>();
    JsonArray variants = new JsonArray();
    for (int i = 0; i < 5; i++) {
      String sku = "BENCH-" + i;
      skus.add(sku);
      variants.add(new JsonObject().put("sku", sku).put("options", new JsonObject().put("n", sku)).put("weightGrams", 100)
          .put("prices", new JsonArray().add(new JsonObject().put("currency", "USD").put("amount", 1999))));
    }
    created(vertx, "catalog.createProduct", admin, new JsonObject().put("title", "Bench product").put("categoryId", category)
        .put("shopId", shop).put("status", "published").put("variants", variants));
    return skus;
  }

  private static String created(Vertx vertx, String address, Principal admin, JsonObject body) throws Exception {
    JsonObject reply = call(vertx, address, ForwardedRequest.envelope(address, new JsonObject(), new JsonObject(),
        new JsonObject(), body, admin, "127.0.0.1"));
    return reply.getJsonObject("body").getString("id");
  }

  private static JsonObject call(Vertx vertx, String address, JsonObject body) throws Exception {
    return vertx.eventBus().<JsonObject>request(address, body, BUS).await(30, TimeUnit.SECONDS).body();
  }

  /** The snapshot the cart keeps for a line, {@code <unit price>|<product id>|<title>}, from the catalog. */
  private static String snapshot(Vertx vertx, String sku) throws Exception {
    JsonObject found = call(vertx, "catalog.lookupSkus", new JsonObject().put("skus", new JsonArray().add(sku))
        .put("currency", "USD")).getJsonArray("items").getJsonObject(0);
    return found.getJsonObject("price").getLong("amount") + "|" + found.getString("productId") + "|"
        + found.getString("title");
  }
}
