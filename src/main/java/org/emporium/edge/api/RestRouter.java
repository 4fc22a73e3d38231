package org.emporium.edge.api;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.openapi.contract.OpenAPIContract;
import org.emporium.edge.auth.Authenticator;
import org.emporium.edge.pipeline.Step;
import org.emporium.edge.ratelimit.RateLimits;
import org.emporium.edge.region.RegionRouting;
import org.emporium.platform.node.Platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the REST router from the OpenAPI contract: local operations (health, metrics, the
 * contract) are answered here, every other operation is forwarded to the event-bus address its
 * {@code x-emporium-address} names, after authentication and validation. Every failure becomes
 * problem JSON.
 */
final class RestRouter {

  private final Vertx vertx;
  private final Platform platform;
  private final HealthChecks checks;
  private final Authenticator authenticator;

  RestRouter(Vertx vertx, Platform platform, HealthChecks checks, Authenticator authenticator) {
    this.vertx = vertx;
    this.platform = platform;
    this.checks = checks;
    this.authenticator = authenticator;
  }

  Router build(OpenAPIContract contract, Buffer contractText, RateLimits limits) {
    RequestExtractor extractor = RequestExtractor.withBodyHandler();
    RouterBuilder builder = RouterBuilder.create(vertx, contract, extractor);
    builder.rootHandler(new RequestScope());
    builder.rootHandler(BodyHandler.create(false)
        .setBodyLimit(platform.config().http().bodyLimit())
        .setHandleFileUploads(false));
    HealthEndpoints health = new HealthEndpoints(platform, checks);
    RegionRouting regions = RegionRouting.create(vertx, platform.config());
    for (OpenAPIRoute route : builder.getRoutes()) {
      // authentication is the edge's own (OIDC); the contract only documents it
      route.setDoSecurity(false);
      String operationId = route.getOperation().getOperationId();
      JsonObject operation = route.getOperation().getOpenAPIModel();
      if (operation.getBoolean("x-emporium-local", false)) {
        switch (operationId) {
          case "healthLive" -> route.addHandler(health::live);
          case "healthReady" -> route.addHandler(health::ready);
          case "metrics" -> route.addHandler(PrometheusScrapingHandler.create());
          case "openapi" -> route.addHandler(rc -> rc.response()
              .putHeader("Content-Type", "application/yaml; charset=utf-8")
              .end(contractText));
          default -> throw new IllegalStateException("no local handler for " + operationId);
        }
      } else {
        List<Step> steps = new ArrayList<>();
        if (regions.enabled()) {
          // before authentication: the owning region's edge checks the token (docs/regions.md)
          steps.add(regions.step(operation));
        }
        // authenticate first, then validate (the router's own validation would run before both)
        steps.add(new BearerAuthentication(authenticator, OperationSecurity.of(route.getOperation())));
        steps.add(limits.step(operation, BearerAuthentication::customerId));
        steps.add(new RequestValidation(vertx, contract, extractor, route.getOperation()));
        steps.add(new BusForwarder(vertx, operationId, operation.getString("x-emporium-address"),
            operation.getBoolean("x-emporium-long-running", false) ? platform.config().eventBusLongTimeoutMs()
                : platform.config().eventBusTimeoutMs()));
        // one handler: the router matches the route's path once, not once per step
        route.setDoValidation(false).addHandler(Step.chain(steps));
      }
    }
    Router router = builder.createRouter();
    ProblemResponder problems = new ProblemResponder();
    router.route().failureHandler(problems);
    for (int status : new int[] {400, 404, 405, 406, 413, 415, 431, 500, 501}) {
      router.errorHandler(status, problems.forStatus(status));
    }
    return router;
  }
}
