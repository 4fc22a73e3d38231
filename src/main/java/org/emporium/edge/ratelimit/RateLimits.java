package org.emporium.edge.ratelimit;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.Redis;
import org.emporium.edge.pipeline.Step;
import org.emporium.platform.error.Problem;
import org.emporium.platform.node.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;
import java.util.function.Function;

/**
 * The REST edge's rate limits: one handler per operation, by the class its
 * {@code x-emporium-rate-class} names. Over the limit: 429 problem JSON with {@code Retry-After};
 * {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} on every checked
 * response. Redis not answering in time lets the request through (fail open), counted, with a
 * warning at most once per {@code rateLimits.warnIntervalMs}. One instance per edge verticle.
 */
public final class RateLimits {

  private static final Logger LOG = LoggerFactory.getLogger(RateLimits.class);
  static final String EXTENSION = "x-emporium-rate-class";

  private final RateLimitSettings settings;
  private final RateLimiter limiter;
  private final RateLimitMetrics metrics;
  private long lastWarning;
  private long skippedWarnings;

  private RateLimits(Vertx vertx, RateLimitSettings settings, Redis redis) {
    this.settings = settings;
    this.limiter = redis == null ? null : new RateLimiter(vertx, redis, settings);
    this.metrics = RateLimitMetrics.fromDefaultRegistry();
  }

  public static RateLimits create(Vertx vertx, Platform platform) {
    RateLimitSettings settings = RateLimitSettings.from(platform.config());
    return new RateLimits(vertx, settings, settings.enabled() ? platform.clients().redis(vertx) : null);
  }

  /**
   * Opens a connection and loads the script before the edge listens, so the first request is not
   * the one that waits for both (and passes unchecked when that takes longer than the check's
   * timeout). A Redis that is not there yet only means the first checks fail open.
   */
  public Future<Void> ready() {
    return limiter == null ? Future.succeededFuture() : limiter.load().otherwiseEmpty().mapEmpty();
  }

  /**
   * The step for an operation ({@code operation} is its OpenAPI object); {@code customer} reads
   * the signed-in customer's id off the routing context, null for anonymous callers.
   */
  public Step step(JsonObject operation, Function<RoutingContext, UUID> customer) {
    RouteClass routeClass = RouteClass.ofKey(operation.getString(EXTENSION, RouteClass.BROWSE.key()));
    // after authentication (the customer is known) and before validation
    return limiter == null ? (rc, next) -> next.run() : (rc, next) -> {
      SocketAddress peer = rc.request().remoteAddress();
      String ip = peer == null || peer.host() == null ? "unknown" : peer.host();
      limiter.check(routeClass, ip, customer.apply(rc)).onComplete(done -> {
        if (done.failed()) {
          unchecked(done.cause());
          next.run();
          return;
        }
        Decision decision = done.result();
        rc.response().putHeader("RateLimit-Limit", String.valueOf(decision.limit()))
            .putHeader("RateLimit-Remaining", String.valueOf(decision.remaining()))
            .putHeader("RateLimit-Reset", String.valueOf(decision.resetSeconds()));
        if (decision.allowed()) {
          next.run();
        } else {
          metrics.refused(routeClass);
          rc.fail(Problem.tooManyRequests("Too many " + routeClass.key() + " requests; retry in "
              + decision.retryAfterSeconds() + " s.", decision.retryAfterSeconds()).toException());
        }
      });
    };
  }

  /**
   * Checks a gRPC call before the gRPC server sees it, by the client's IP only (a gRPC call's token
   * is checked later, by its service): class {@code cart} or {@code checkout} for those services,
   * {@code browse} for the rest. A refused call is answered at once as gRPC status
   * RESOURCE_EXHAUSTED (trailers only, with {@code retry-after}); an allowed one goes to {@code next}.
   */
  public void grpc(HttpServerRequest request, Handler<HttpServerRequest> next) {
    if (limiter == null) {
      next.handle(request);
      return;
    }
    RouteClass routeClass = grpcClass(request.path());
    SocketAddress peer = request.remoteAddress();
    String ip = peer == null || peer.host() == null ? "unknown" : peer.host();
    request.pause();
    limiter.check(routeClass, ip, null).onComplete(done -> {
      if (done.failed() || done.result().allowed()) {
        if (done.failed()) {
          unchecked(done.cause());
        }
        next.handle(request);
        request.resume();
        return;
      }
      metrics.refused(routeClass);
      Decision decision = done.result();
      request.response().putHeader("content-type", "application/grpc")
          .putHeader("grpc-status", "8")
          .putHeader("grpc-message", "Too many " + routeClass.key() + " calls; retry in "
              + decision.retryAfterSeconds() + " s.")
          .putHeader("retry-after", String.valueOf(decision.retryAfterSeconds()))
          .end();
    });
  }

  static RouteClass grpcClass(String path) {
    if (path != null && path.startsWith("/emporium.cart.")) {
      return RouteClass.CART;
    }
    if (path != null && path.startsWith("/emporium.checkout.")) {
      return RouteClass.CHECKOUT;
    }
    return RouteClass.BROWSE;
  }

  private void unchecked(Throwable cause) {
    metrics.unchecked();
    long now = System.nanoTime();
    if (lastWarning != 0 && now - lastWarning < settings.warnIntervalMs() * 1_000_000) {
      skippedWarnings++;
      return;
    }
    LOG.warn("Rate limits unchecked: Redis did not answer in {} ms ({}); requests pass ({} more since the last"
        + " warning)", settings.timeoutMs(), cause.toString(), skippedWarnings);
    lastWarning = now;
    skippedWarnings = 0;
  }
}
