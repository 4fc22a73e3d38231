package org.emporium.edge.region;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.emporium.edge.pipeline.Step;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;

import java.util.List;
import java.util.Set;

/**
 * The edge's region routing (docs/regions.md): a regional operation whose owning region is another
 * one is forwarded to that region's edge or redirected there; everything else is served here. Every
 * answer served here names this region in {@link #SERVED_BY}.
 */
public final class RegionRouting {

  public static final String SERVED_BY = "X-Emporium-Region";
  static final String REGION_HEADER = "X-Region";
  static final String REGIONAL = "x-emporium-regional";
  // contexts that keep a customer's own data, stored only in the customer's home region
  private static final Set<String> REGIONAL_CONTEXTS = Set.of("identity", "customer", "cart", "checkout",
      "ordering", "payment");

  private final RegionSettings settings;
  private final RegionResolver resolver;
  private final PeerForwarder forwarder;

  private RegionRouting(Vertx vertx, RegionSettings settings) {
    this.settings = settings;
    this.resolver = new RegionResolver(settings);
    this.forwarder = new PeerForwarder(vertx, settings.region(), settings.forwardTimeoutMs());
  }

  public static RegionRouting create(Vertx vertx, NodeConfig config) {
    return new RegionRouting(vertx, RegionSettings.from(config));
  }

  public boolean enabled() {
    return settings.enabled();
  }

  /**
   * The first step of a forwarded operation: {@code x-emporium-regional} in the contract decides
   * whether it is routed, else its context (the part of {@code x-emporium-address} before the dot).
   */
  public Step step(JsonObject operation) {
    // before the token check: the owning region's edge checks it
    return isRegional(operation) ? this::route : this::serveHere;
  }

  static boolean isRegional(JsonObject operation) {
    Object marked = operation.getValue(REGIONAL);
    if (marked instanceof Boolean regional) {
      return regional;
    }
    String address = operation.getString("x-emporium-address", "");
    return REGIONAL_CONTEXTS.contains(address.substring(0, Math.max(0, address.indexOf('.'))));
  }

  private void route(RoutingContext rc, Runnable next) {
    if (rc.request().getHeader(PeerForwarder.FORWARDED) != null) {
      // already sent on once: the previous edge chose this region, so never send it further
      serveHere(rc, next);
      return;
    }
    RegionResolver.Route route = resolver.resolve(
        HomeRegionClaim.of(rc.request().getHeader(HttpHeaders.AUTHORIZATION)),
        rc.request().getHeader(REGION_HEADER), rc.request().getHeader(settings.countryHeader()));
    if (route instanceof RegionResolver.Unknown unknown) {
      rc.fail(unknown(unknown).toException());
    } else if (!(route instanceof RegionResolver.Remote remote)) {
      serveHere(rc, next);
    } else if (settings.mode() == RegionSettings.Mode.REDIRECT) {
      rc.response()
          .setStatusCode(307)
          .putHeader(HttpHeaders.LOCATION, remote.baseUrl() + rc.request().uri())
          .putHeader(SERVED_BY, settings.region())
          .end();
    } else {
      forwarder.forward(rc, remote.baseUrl());
    }
  }

  private Problem unknown(RegionResolver.Unknown unknown) {
    if (unknown.source() == RegionResolver.Source.HEADER) {
      return Problem.invalid("X-Region names a region this service does not know.",
          List.of(new Problem.FieldError("/headers/X-Region", "must be one of " + known())));
    }
    // a token from a region this edge has no peer for: a deployment gap, not the client's mistake
    return Problem.of(ErrorCode.UNAVAILABLE, "Your home region cannot be reached from this region.");
  }

  private String known() {
    StringBuilder names = new StringBuilder(settings.region());
    settings.peers().keySet().forEach(peer -> names.append(", ").append(peer));
    return names.toString();
  }

  private void serveHere(RoutingContext rc, Runnable next) {
    rc.response().putHeader(SERVED_BY, settings.region());
    next.run();
  }
}
