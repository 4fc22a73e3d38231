package org.emporium.perf.auth;

import com.nimbusds.jose.jwk.RSAKey;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
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

/**
 * What token validation costs at the REST edge: the same trivial operation (an echo consumer
 * behind {@code GET /api/v1/carts/{cartId}}, whose security is optional) called anonymously and
 * with a valid RS256 token of an external issuer, closed-loop over keep-alive connections; and
 * {@code GET /api/v1/me} (token required, permission checked) for reference. Run with
 * {@code perf/edge-auth}.
 */
public final class AuthOverheadBenchmark {

  private static final String AUDIENCE = "emporium-api";

  public static void main(String[] args) throws Exception {
    int seconds = Integer.getInteger("bench.seconds", 10);
    int warmup = Integer.getInteger("bench.warmupSeconds", 5);
    int connections = Integer.getInteger("bench.connections", 32);
    Path dir = Files.createTempDirectory("emporium-auth-bench");
    Vertx loadVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    RSAKey key = Tokens.newKey("bench-1");
    try (TestIssuer issuer = TestIssuer.start(loadVertx).publish(key);
         TestNode node = TestNode.start(dir, Map.of("auth.oidc.issuer", issuer.url(), "auth.oidc.audience", AUDIENCE,
             "logging.level", "WARN"))) {
      Vertx vertx = node.node().vertx();
      JsonObject ok = new JsonObject().put("status", 200).put("body", new JsonObject().put("ok", true));
      for (String address : List.of("cart.get", "customer.getProfile")) {
        vertx.eventBus().<JsonObject>consumer(address, message -> message.reply(ok));
      }
      String token = Tokens.sign(key, Tokens.claims(issuer.url(), "bench-user", AUDIENCE));
      HttpClientAgent client = loadVertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
          new PoolOptions().setHttp1MaxSize(connections));
      ClosedLoop load = new ClosedLoop(loadVertx, client);
      int port = node.httpPort();
      String cart = "/api/v1/carts/" + UUID.randomUUID();
      RequestOptions anonymous = ClosedLoop.get(port, cart, null);
      RequestOptions withToken = ClosedLoop.get(port, cart, token);
      RequestOptions me = ClosedLoop.get(port, "/api/v1/me", token);

      System.out.printf("machine: %d cores, %s, Java %s; load generator in the same JVM (1 event loop)%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"), System.getProperty("java.version"));
      System.out.printf("%d connections, %d s warmup per case, %d s per measured run, two rounds%n",
          connections, warmup, seconds);
      for (RequestOptions request : List.of(anonymous, withToken, me)) {
        load.run("warmup", request, connections, warmup * 1000L).await(5, TimeUnit.MINUTES);
      }
      List<ClosedLoop.Result> anon = new ArrayList<>();
      List<ClosedLoop.Result> auth = new ArrayList<>();
      for (int round = 1; round <= 2; round++) {
        anon.add(print(load.run("cart, anonymous (round " + round + ")", anonymous, connections, seconds * 1000L)));
        auth.add(print(load.run("cart, bearer token (round " + round + ")", withToken, connections, seconds * 1000L)));
      }
      print(load.run("/me, bearer token + permission", me, connections, seconds * 1000L));
      double ratio = mean(auth) / mean(anon);
      System.out.printf("with token / anonymous throughput: %.2f (target >= 0.80)%n", ratio);
      client.close().await(10, TimeUnit.SECONDS);
    } finally {
      loadVertx.close().await(30, TimeUnit.SECONDS);
    }
  }

  private static ClosedLoop.Result print(io.vertx.core.Future<ClosedLoop.Result> run) throws Exception {
    ClosedLoop.Result result = run.await(10, TimeUnit.MINUTES);
    System.out.println(result);
    return result;
  }

  private static double mean(List<ClosedLoop.Result> results) {
    return results.stream().mapToDouble(ClosedLoop.Result::perSecond).average().orElse(Double.NaN);
  }
}
