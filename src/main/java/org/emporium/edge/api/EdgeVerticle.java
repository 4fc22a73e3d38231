package org.emporium.edge.api;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.grpc.reflection.ReflectionService;
import io.vertx.grpc.server.GrpcServer;
import org.emporium.edge.auth.AuthMetrics;
import org.emporium.edge.auth.AuthSettings;
import org.emporium.edge.auth.OidcAuthenticator;
import org.emporium.edge.bridge.BridgeSettings;
import org.emporium.edge.bridge.LiveBridge;
import org.emporium.edge.grpc.CartGrpcService;
import org.emporium.edge.grpc.CatalogGrpcService;
import org.emporium.edge.grpc.CheckoutGrpcService;
import org.emporium.edge.grpc.CustomerGrpcService;
import org.emporium.edge.grpc.InventoryGrpcService;
import org.emporium.edge.grpc.OrderGrpcService;
import org.emporium.edge.grpc.PaymentGrpcService;
import org.emporium.edge.grpc.PricingGrpcService;
import org.emporium.edge.grpc.SearchGrpcService;
import org.emporium.edge.ratelimit.RateLimits;
import org.emporium.platform.config.NodeConfig.HttpSettings;
import org.emporium.platform.eventbus.SharedJson;
import org.emporium.platform.health.DependencyChecks;
import org.emporium.platform.node.Platform;

import java.util.concurrent.TimeUnit;

/**
 * The public port: REST from the OpenAPI contract, gRPC with reflection, the event-bus bridge, health
 * and metrics. One instance per event loop; on undeploy it stops accepting and drains in-flight
 * requests.
 */
public final class EdgeVerticle extends VerticleBase {

  private final Platform platform;
  private HttpServer server;
  private OidcAuthenticator authenticator;

  public EdgeVerticle(Platform platform) {
    this.platform = platform;
  }

  @Override
  public Future<?> start() {
    SharedJson.register(vertx);
    HttpSettings http = platform.config().http();
    authenticator = new OidcAuthenticator(vertx, AuthSettings.from(platform.config()), platform.clock(),
        AuthMetrics.fromDefaultRegistry());
    HealthChecks checks = DependencyChecks.create(vertx, platform,
        platform.clients().postgres(vertx, "platform"), platform.clients().redis(vertx));
    GrpcServer grpc = GrpcServer.server(vertx)
        .addService(new NodeGrpcService(platform, checks))
        .addService(new CustomerGrpcService(vertx, authenticator, platform.config().eventBusTimeoutMs()))
        .addService(new InventoryGrpcService(vertx, authenticator, platform.config().eventBusTimeoutMs()))
        .addService(new CatalogGrpcService(vertx, authenticator, platform.config().eventBusTimeoutMs()))
        .addService(new SearchGrpcService(vertx, platform.config().eventBusTimeoutMs()))
        .addService(new PricingGrpcService(vertx, authenticator, platform.config().eventBusTimeoutMs()))
        .addService(new CartGrpcService(vertx, authenticator, platform.config().eventBusTimeoutMs()))
        .addService(new CheckoutGrpcService(vertx, authenticator, platform.config().eventBusLongTimeoutMs()))
        .addService(new OrderGrpcService(vertx, authenticator, platform.config().eventBusTimeoutMs()))
        .addService(new PaymentGrpcService(vertx, authenticator, platform.config().eventBusTimeoutMs()))
        .addService(ReflectionService.v1());
    RateLimits limits = RateLimits.create(vertx, platform);
    SecurityHeaders securityHeaders = new SecurityHeaders(http.tls());
    Cors cors = new Cors(CorsSettings.from(platform.config()));
    LiveBridge bridge = new LiveBridge(vertx, BridgeSettings.from(platform.config()), authenticator,
        cors::rewriteBridge);
    return limits.ready().compose(v -> vertx.fileSystem().readFile(http.contract()))
        .compose(text -> RoutableContract.load(vertx, text)
            .map(contract -> new RestRouter(vertx, platform, checks, authenticator).build(contract, text, limits)))
        .compose(router -> {
          server = vertx.createHttpServer(bridge.limit(EdgeServerOptions.of(http)))
              .invalidRequestHandler(new InvalidRequests(securityHeaders))
              .requestHandler(request -> {
                if (GrpcRequests.isGrpc(request)) {
                  limits.grpc(request, grpc);
                  return;
                }
                securityHeaders.apply(request.response());
                if (cors.handle(request)) {
                  return; // a preflight, answered
                }
                if (LiveBridge.serves(request)) {
                  bridge.handle(request);
                } else {
                  router.handle(request);
                }
              });
          return server.listen(http.port(), http.host());
        });
  }

  @Override
  public Future<?> stop() {
    Future<Void> drained = server == null ? Future.succeededFuture()
        : server.shutdown(platform.config().http().drainTimeoutMs(), TimeUnit.MILLISECONDS);
    return drained.andThen(done -> {
      if (authenticator != null) {
        authenticator.close();
      }
    });
  }
}
