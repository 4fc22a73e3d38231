package org.emporium.perf.catalog;

import org.emporium.perf.ClosedLoop;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.emporium.catalog.infra.PgProducts;
import org.emporium.platform.clients.Clients;
import org.emporium.platform.config.PostgresSettings.PgSettings;
import org.emporium.testing.TestNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Product by id: {@code GET /api/v1/products/{id}} on a node seeded with the demo catalog
 * (anonymous, random ids among all products, closed loop over keep-alive HTTP/1.1), next to the
 * catalog's own product-by-id SQL statement driven by pgbench against the same database with as
 * many connections. Run with {@code perf/catalog}.
 */
public final class CatalogReadBenchmark {

  private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 10);
    int warmup = Integer.getInteger("bench.warmupSeconds", 5);
    int connections = Integer.getInteger("bench.connections", 16);
    int products = Integer.getInteger("bench.products", 1000);
    Path dir = Files.createTempDirectory("emporium-catalog-bench");
    Vertx loadVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    long seedStart = System.nanoTime();
    try (TestNode node = TestNode.start(dir, Map.of("catalog.demo.enabled", "true",
        "catalog.demo.products", String.valueOf(products)))) {
      Pool pool = new Clients(node.config()).postgresUnshared(node.node().vertx(), "catalog", 2);
      List<UUID> ids = awaitSeeded(pool, products);
      double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
      prepareIds(pool, ids);
      PgSettings pg = node.config().postgres().forContext("catalog");

      HttpClientAgent client = loadVertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(connections));
      ClosedLoop load = new ClosedLoop(loadVertx, client);
      int port = node.httpPort();
      java.util.function.Supplier<io.vertx.core.http.RequestOptions> byId = () -> ClosedLoop.request(HttpMethod.GET,
          port, "/api/v1/products/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())), null);

      System.out.printf("machine: %d cores, %s, Java %s; load generator in the same JVM (1 event loop); "
              + "embedded PostgreSQL 17 with fsync=on, synchronous_commit=on%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"), System.getProperty("java.version"));
      System.out.printf("node start + demo seeding of %d products with their stock: %.1f s%n", products, seedSeconds);
      System.out.printf("%d connections, %d s warmup, %d s per measured run, two rounds%n", connections, warmup, seconds);
      load.run("warmup", byId, connections, warmup * 1000L).await(10, TimeUnit.MINUTES);
      Path script = Files.createTempFile(dir, "by-id", ".sql");
      Files.writeString(script, "\\set n random(1, " + ids.size() + ")\n"
          + PgProducts.SNAPSHOTS.replace("ANY($1::uuid[])",
              "ANY(ARRAY[(SELECT id FROM public.bench_product_ids WHERE n = :n)])") + ";\n", StandardCharsets.UTF_8);
      double http = 0;
      double sql = 0;
      for (int round = 1; round <= 2; round++) {
        ClosedLoop.Result result = load.run("GET /products/{id} #" + round, byId, connections, seconds * 1000L)
            .await(10, TimeUnit.MINUTES);
        System.out.println(result);
        http += result.perSecond() / 2;
        double tps = pgbench(pg, script, connections, seconds);
        System.out.printf("%-40s %8.0f queries/s  (pgbench -M prepared -c %d -j 2)%n", "pgbench product-by-id #" + round,
            tps, connections);
        sql += tps / 2;
      }
      System.out.printf("product by id over HTTP / bare SQL, HTTP load from this JVM: %.2f%n", http / sql);
      if (Wrk.available()) {
        double separate = 0;
        for (int round = 1; round <= 2; round++) {
          Wrk.Result result = Wrk.run(dir, port, ids, connections, seconds);
          System.out.printf("%-40s %8.0f req/s  p50 %s  p99 %s  (wrk -t 2 -c %d, own process)%n",
              "GET /products/{id} wrk #" + round, result.perSecond(), result.p50(), result.p99(), connections);
          separate += result.perSecond() / 2;
        }
        System.out.printf("product by id over HTTP (wrk) / bare SQL (pgbench): %.2f (target >= 1.0)%n", separate / sql);
      }
      System.out.println(load.run("GET /health/live (the edge alone)", () -> ClosedLoop.request(HttpMethod.GET, port,
          "/health/live", null), connections, seconds * 1000L).await(10, TimeUnit.MINUTES));
      double bus = BusLoop.run(node.node().vertx(), ids, connections, seconds * 1000L);
      System.out.printf("%-40s %8.0f req/s  (catalog.getProduct envelopes, no HTTP, same JVM)%n",
          "event bus only", bus);
      client.close().await(10, TimeUnit.SECONDS);
      pool.close().await(10, TimeUnit.SECONDS);
    } finally {
      loadVertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  private static List<UUID> awaitSeeded(Pool pool, int products) throws Exception {
    while (true) {
      List<UUID> ids = new ArrayList<>();
      pool.query("SELECT id FROM catalog.product ORDER BY id").execute().await(30, TimeUnit.SECONDS)
          .forEach(row -> ids.add(row.getUUID(0)));
      if (ids.size() >= products && settled(pool)) {
        return ids;
      }
      Thread.sleep(500);
    }
  }

  /** Seeding goes on after the products (stock for every SKU, events): measure only once it is over. */
  private static boolean settled(Pool pool) throws Exception {
    var row = pool.query("SELECT (SELECT count(*) FROM catalog.sku) - (SELECT count(DISTINCT sku) FROM inventory.stock),"
        + " (SELECT count(*) FROM catalog.outbox WHERE published_at IS NULL)"
        + " + (SELECT count(*) FROM inventory.outbox WHERE published_at IS NULL)").execute()
        .await(30, TimeUnit.SECONDS).iterator().next();
    return row.getLong(0) <= 0 && row.getLong(1) == 0;
  }

  /** pgbench picks a number; this table turns it into a product id with one primary-key read. */
  private static void prepareIds(Pool pool, List<UUID> ids) throws Exception {
    pool.query("DROP TABLE IF EXISTS public.bench_product_ids").execute().await(30, TimeUnit.SECONDS);
    pool.query("CREATE TABLE public.bench_product_ids (n int PRIMARY KEY, id uuid NOT NULL)").execute()
        .await(30, TimeUnit.SECONDS);
    List<Tuple> rows = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      rows.add(Tuple.of(i + 1, ids.get(i)));
    }
    pool.preparedQuery("INSERT INTO public.bench_product_ids VALUES ($1, $2)").executeBatch(rows)
        .await(30, TimeUnit.SECONDS);
  }

  private static double pgbench(PgSettings pg, Path script, int connections, int seconds) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("pgbench", "-n", "-M", "prepared", "-c", String.valueOf(connections),
        "-j", "2", "-T", String.valueOf(seconds), "-f", script.toString(), "-h", pg.host(), "-p",
        String.valueOf(pg.port()), "-U", pg.user(), pg.database()).redirectErrorStream(true);
    if (pg.password() != null) {
      builder.environment().put("PGPASSWORD", pg.password());
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("pgbench failed:\n" + output);
    }
    Matcher tps = TPS.matcher(output);
    if (!tps.find()) {
      throw new IllegalStateException("no tps in pgbench output:\n" + output);
    }
    return Double.parseDouble(tps.group(1));
  }
}
