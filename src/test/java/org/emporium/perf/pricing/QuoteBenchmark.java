package org.emporium.perf.pricing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.emporium.perf.JitWarmUp;
import org.emporium.platform.auth.Principal;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.eventbus.ForwardedRequest;
import org.emporium.platform.eventbus.SameLoop;
import org.emporium.testing.TestNode;

import java.io.IOException;
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

/**
 * Quotes over the event bus ({@code pricing.quote}, no HTTP): a 5-line cart priced in EUR from USD base
 * prices (every line converted), shipped to Germany (19% tax included, per line), with a flat shipping
 * charge, and one coupon: {@code -Dbench.coupon=CODE} (default {@code BENCH10}) is made a 10%-off promotion
 * and sent with every quote; {@code none} sends none. First a closed loop at 1 to 64 requests in flight for
 * the maximum rate, then a paced open loop at half of it (and less) for the p99. Writes
 * perf/results/<timestamp>-pricing/results.txt.
 */
public final class QuoteBenchmark {

  private static final int[] IN_FLIGHT = {1, 4, 16, 64};
  private static final DeliveryOptions BUS = new DeliveryOptions().setSendTimeout(30_000);
  private static final Principal ADMIN = new Principal("bench-admin", UUID.randomUUID(), "https://bench",
      Set.of("admin"), Set.of("*"), null, "sid-bench", "admin@example.com", "Admin");

  private QuoteBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 10);
    String property = System.getProperty("bench.coupon", "");
    String coupon = property.isEmpty() ? "BENCH10" : property.equals("none") ? "" : property;
    Path dir = Files.createTempDirectory("pricing-bench");
    List<String> lines = new ArrayList<>();
    try (TestNode node = TestNode.start(dir, Map.of("pricing.fx.demoRates", "{\"EUR\": \"0.9215\"}",
        "pricing.rounding.charmEndings", "{\"EUR\": \"0.99\"}", "pricing.quote.flatShipping", "{\"EUR\": \"4.90\"}"))) {
      Vertx vertx = node.node().vertx();
      Pool pool = new Clients(node.config()).postgresUnshared(vertx, "pricing", 1);
      lines.add("PostgreSQL fsync/synchronous_commit: " + pool.query("SELECT current_setting('fsync') || '/' || "
          + "current_setting('synchronous_commit')").execute().await(10, TimeUnit.SECONDS).iterator().next().getString(0)
          + " (quotes write nothing: rates, tax tables and coupons' promotions are cached per verticle, catalog"
          + " products per node; a promotion with per-customer limits reads its uses)");
      lines.add(String.format("machine: %d cores, %d s per point, load inside the node's JVM, coupon: %s",
          Runtime.getRuntime().availableProcessors(), seconds, coupon.isEmpty() ? "none" : coupon));
      JsonObject quote = cart(vertx, coupon);
      JsonObject sample = (JsonObject) vertx.eventBus().request("pricing.quote", quote, BUS).await(30, TimeUnit.SECONDS)
          .body();
      lines.add(print("sample: total " + sample.getJsonObject("total").encode() + ", tax "
          + sample.getJsonObject("taxTotal").encode() + ", discount " + sample.getJsonObject("discountTotal").encode()
          + ", rates " + sample.getJsonArray("fxRates").size()));

      BusLoad load = new BusLoad(vertx);
      // until the JIT settles: after a fixed 5 s warm-up, the idle JVM still spent 42-47% of a core, mostly compiling
      JitWarmUp.run(5_000L,
          () -> load.closed("warm-up", () -> quote(vertx, quote), 16, 5_000L).await(120, TimeUnit.SECONDS),
          (result, jitMs) -> lines.add(print(result + "  JIT " + jitMs + " ms")));
      lines.add(print(String.format("at rest, no load for 5 s: the JVM uses %.1f%% of one core",
          100 * load.atRest(5_000L).await(30, TimeUnit.SECONDS))));
      String fixedRates = System.getProperty("bench.paced", "");
      if (!fixedRates.isEmpty()) {
        // only paced points at the given rates, each on a node that has seen no overload before it
        for (String rate : fixedRates.split(",")) {
          lines.add(print(load.paced("open loop", () -> quote(vertx, quote), Double.parseDouble(rate.trim()),
              seconds * 1000L).await(seconds + 120L, TimeUnit.SECONDS) + "  load " + loadAverage()));
        }
      } else {
        standard(vertx, load, quote, seconds, lines);
      }
      pool.close();
    }
    write(lines);
  }

  /** Closed loops for the maximum, the catalog's part alone, then paced runs at shares of the maximum. */
  private static void standard(Vertx vertx, BusLoad load, JsonObject quote, int seconds, List<String> lines)
      throws Exception {
    double best = 0;
    for (int inFlight : IN_FLIGHT) {
      BusLoad.Result result = load.closed("closed loop", () -> quote(vertx, quote), inFlight, seconds * 1000L)
          .await(seconds + 120L, TimeUnit.SECONDS);
      best = Math.max(best, result.perSecond());
      lines.add(print(result + "  load " + loadAverage()));
    }
    // what the catalog's part costs: the same five SKUs looked up alone
    JsonObject lookup = new JsonObject().put("currency", "EUR").put("skus", new JsonArray(quote.getJsonArray("lines")
        .stream().map(line -> ((JsonObject) line).getString("sku")).toList()));
    lines.add(print(load.closed("catalog.lookupSkus alone", () -> vertx.eventBus().request("catalog.lookupSkus",
        lookup, BUS), 16, seconds * 1000L).await(seconds + 120L, TimeUnit.SECONDS) + "  load " + loadAverage()));
    for (double share : new double[] {0.5, 0.25, 0.1}) {
      BusLoad.Result paced = load.paced(String.format("open loop at %.0f%% of max", share * 100),
          () -> quote(vertx, quote), best * share, seconds * 1000L).await(seconds + 120L, TimeUnit.SECONDS);
      lines.add(print(paced + "  load " + loadAverage()));
    }
  }

  private static void write(List<String> lines) throws IOException {
    Path out = Path.of("perf/results", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
        + "-pricing");
    Files.createDirectories(out);
    Files.write(out.resolve("results.txt"), lines);
    System.out.println("written to " + out);
    System.exit(0);
  }

  private static Future<?> quote(Vertx vertx, JsonObject quote) {
    return SameLoop.request(vertx.eventBus(), "pricing.quote", quote, BUS);
  }

  /** The machine's 1-minute load average: other work on the 2 cores shows in the figures. */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }

  private static String print(String line) {
    System.out.println(line);
    return line;
  }

  /** Five products priced in USD only, Germany's tax table, and the quote request for one of each. */
  private static JsonObject cart(Vertx vertx, String coupon) throws Exception {
    String shop = created(vertx, "catalog.createShop", new JsonObject().put("slug", "bench").put("name", "Bench"));
    String category = created(vertx, "catalog.createCategory", new JsonObject().put("slug", "bench").put("name", "Bench"));
    JsonArray lines = new JsonArray();
    for (int i = 0; i < 5; i++) {
      String sku = "QUOTE-" + i;
      created(vertx, "catalog.createProduct", new JsonObject().put("title", "Bench " + i).put("categoryId", category)
          .put("shopId", shop).put("status", "published").put("variants", new JsonArray().add(new JsonObject()
              .put("sku", sku).put("options", new JsonObject()).put("weightGrams", 100).put("prices", new JsonArray()
                  .add(new JsonObject().put("currency", "USD").put("amount", 1999 + 1000 * i))))));
      lines.add(new JsonObject().put("sku", sku).put("quantity", 1 + i % 3));
    }
    JsonObject tax = ForwardedRequest.envelope("putTaxRates", new JsonObject().put("country", "DE"), new JsonObject(),
        new JsonObject(), new JsonObject().put("inclusive", true).put("rates", new JsonArray()
            .add(new JsonObject().put("rate", "0.19"))), ADMIN, "127.0.0.1");
    vertx.eventBus().request("pricing.putTaxRates", tax, BUS).await(30, TimeUnit.SECONDS);
    JsonObject quote = new JsonObject().put("currency", "EUR").put("lines", lines)
        .put("shipTo", new JsonObject().put("country", "DE")).put("customerId", UUID.randomUUID().toString());
    if (coupon.isEmpty()) {
      return quote;
    }
    created(vertx, "pricing.createPromotion", new JsonObject().put("name", "Bench").put("kind", "percent_off")
        .put("percent", "10").put("codes", new JsonArray().add(coupon)));
    return quote.put("couponCodes", new JsonArray().add(coupon));
  }

  private static String created(Vertx vertx, String address, JsonObject body) throws Exception {
    JsonObject envelope = ForwardedRequest.envelope(address, new JsonObject(), new JsonObject(), new JsonObject(),
        body, ADMIN, "127.0.0.1");
    JsonObject reply = (JsonObject) vertx.eventBus().request(address, envelope, BUS).await(30, TimeUnit.SECONDS).body();
    if (reply.getInteger("status") != 201) {
      throw new IllegalStateException(address + " answered " + reply);
    }
    return reply.getJsonObject("body").getString("id");
  }
}
