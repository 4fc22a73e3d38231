package org.emporium.perf.auth;

import org.emporium.perf.ClosedLoop;
import com.nimbusds.jose.jwk.RSAKey;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import org.emporium.edge.auth.TestIssuer;
import org.emporium.edge.auth.Tokens;
import org.emporium.testing.TestNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What token validation costs at the REST edge. Echo consumers stand in for the contexts; each
 * optional-security operation ({@code POST /api/v1/carts} without a body, {@code GET
 * /api/v1/carts/{cartId}}) is called anonymously and with a valid RS256 token of an external
 * issuer; the token is the same on every request (the usual case: the edge remembers it once
 * verified), or one of more distinct tokens than the edge remembers (every request checks a
 * signature). {@code GET /api/v1/me} (token required, permission checked) is shown for reference.
 * Closed loop over keep-alive HTTP/1.1; run with {@code perf/edge-auth}.
 */
public final class AuthOverheadBenchmark {

  private static final String AUDIENCE = "emporium-api";
  private static final int DISTINCT_TOKENS = 5000;

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 10);
    int warmup = Integer.getInteger("bench.warmupSeconds", 5);
    int connections = Integer.getInteger("bench.connections", 32);
    Path dir = Files.createTempDirectory("emporium-auth-bench");
    Vertx loadVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    RSAKey key = Tokens.newKey("bench-1");
    try (TestIssuer issuer = TestIssuer.start(loadVertx).publish(key);
         TestNode node = TestNode.start(dir, Map.of("roles", "edge",
             "auth.oidc.issuer", issuer.url(), "auth.oidc.audience", AUDIENCE))) {
      Vertx vertx = node.node().vertx();
      JsonObject ok = new JsonObject().put("status", 200).put("body", new JsonObject().put("ok", true));
      for (String address : List.of("cart.create", "cart.get", "customer.getProfile")) {
        vertx.eventBus().<JsonObject>consumer(address, message -> message.reply(ok));
      }
      String token = Tokens.sign(key, Tokens.claims(issuer.url(), "bench-user", AUDIENCE));
      List<String> tokens = new ArrayList<>();
      for (int i = 0; i < DISTINCT_TOKENS; i++) {
        tokens.add(Tokens.sign(key, Tokens.claims(issuer.url(), "bench-user-" + i, AUDIENCE)));
      }
      HttpClientAgent client = loadVertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(connections));
      ClosedLoop load = new ClosedLoop(loadVertx, client);
      int port = node.httpPort();
      String cart = "/api/v1/carts/" + UUID.randomUUID();
      List<Case> cases = List.of(
          new Case("POST /carts, anonymous", same(ClosedLoop.request(HttpMethod.POST, port, "/api/v1/carts", null))),
          new Case("POST /carts, token", same(ClosedLoop.request(HttpMethod.POST, port, "/api/v1/carts", token))),
          new Case("POST /carts, 5000 distinct tokens", distinct(HttpMethod.POST, port, "/api/v1/carts", tokens)),
          new Case("GET /carts/{id}, anonymous", same(ClosedLoop.request(HttpMethod.GET, port, cart, null))),
          new Case("GET /carts/{id}, token", same(ClosedLoop.request(HttpMethod.GET, port, cart, token))),
          new Case("GET /me, token + permission", same(ClosedLoop.request(HttpMethod.GET, port, "/api/v1/me", token))));

      System.out.printf("machine: %d cores, %s, Java %s; load generator in the same JVM (1 event loop)%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"), System.getProperty("java.version"));
      System.out.printf("%d connections, %d s warmup per case, %d s per measured run, two rounds%n",
          connections, warmup, seconds);
      for (Case c : cases) {
        await(load.run("warmup", c.requests(), connections, warmup * 1000L));
      }
      List<List<ClosedLoop.Result>> results = new ArrayList<>();
      cases.forEach(c -> results.add(new ArrayList<>()));
      for (int round = 1; round <= 2; round++) {
        for (int i = 0; i < cases.size(); i++) {
          ClosedLoop.Result result = await(load.run(cases.get(i).name() + " #" + round, cases.get(i).requests(),
              connections, seconds * 1000L));
          System.out.println(result);
          results.get(i).add(result);
        }
      }
      System.out.printf("throughput with token / anonymous: POST /carts %.2f (same token), %.2f (distinct tokens);"
          + " GET /carts/{id} %.2f (target >= 0.80)%n", mean(results.get(1)) / mean(results.get(0)),
          mean(results.get(2)) / mean(results.get(0)), mean(results.get(4)) / mean(results.get(3)));
      client.close().await(10, TimeUnit.SECONDS);
    } finally {
      loadVertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  private record Case(String name, Supplier<RequestOptions> requests) {
  }

  private static Supplier<RequestOptions> same(RequestOptions request) {
    return () -> request;
  }

  private static Supplier<RequestOptions> distinct(HttpMethod method, int port, String path, List<String> tokens) {
    AtomicInteger next = new AtomicInteger();
    return () -> ClosedLoop.request(method, port, path, tokens.get(Math.floorMod(next.getAndIncrement(), tokens.size())));
  }

  private static ClosedLoop.Result await(Future<ClosedLoop.Result> run) throws Exception {
    return run.await(10, TimeUnit.MINUTES);
  }

  private static double mean(List<ClosedLoop.Result> results) {
    return results.stream().mapToDouble(ClosedLoop.Result::perSecond).average().orElse(Double.NaN);
  }
}
