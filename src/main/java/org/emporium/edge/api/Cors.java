package org.emporium.edge.api;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.emporium.platform.error.ErrorCode;
import org.emporium.platform.error.Problem;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CORS for every answer of the public port but gRPC, from the allow-list in {@code http.cors}. An
 * origin is allowed when it is exactly one of the list (or the list has {@code *}); any other
 * origin gets no CORS headers, and its preflight a 403. Preflights are answered here, before routing.
 */
final class Cors {

  private static final String[] RESPONSE_HEADERS = {"Access-Control-Allow-Origin", "Access-Control-Allow-Credentials",
      "Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "Access-Control-Expose-Headers",
      "Access-Control-Max-Age"};

  private final CorsSettings settings;
  private final Set<String> origins;
  private final Set<String> methods;
  private final Set<String> headers;
  private final String exposed;

  Cors(CorsSettings settings) {
    this.settings = settings;
    this.origins = Set.copyOf(settings.allowedOrigins());
    this.methods = Set.copyOf(settings.allowedMethods());
    this.headers = settings.allowedHeaders().stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    this.exposed = String.join(", ", settings.exposedHeaders());
  }

  /** Adds the CORS headers {@code request} may have; answers it when it is a preflight (then true). */
  boolean handle(HttpServerRequest request) {
    String origin = request.getHeader("Origin");
    HttpServerResponse response = request.response();
    if (!settings.anyOrigin() && !origins.isEmpty()) {
      response.headers().add("Vary", "Origin");
    }
    if (request.method() == HttpMethod.OPTIONS && origin != null
        && request.getHeader("Access-Control-Request-Method") != null) {
      preflight(request, origin);
      return true;
    }
    if (allowed(origin)) {
      allow(response.headers(), origin, settings.allowCredentials());
      if (!exposed.isEmpty()) {
        response.putHeader("Access-Control-Expose-Headers", exposed);
      }
    }
    return false;
  }

  /**
   * Replaces the CORS headers the SockJS bridge writes on its own (any origin, with credentials) by
   * this allow-list's; its cross-origin XHR transports send credentials, so an allowed exact origin
   * gets them.
   */
  void rewriteBridge(HttpServerRequest request) {
    MultiMap out = request.response().headers();
    for (String name : RESPONSE_HEADERS) {
      out.remove(name);
    }
    String origin = request.getHeader("Origin");
    if (allowed(origin)) {
      allow(out, origin, !settings.anyOrigin());
    }
  }

  private void preflight(HttpServerRequest request, String origin) {
    HttpServerResponse response = request.response();
    if (!allowed(origin) || !methods.contains(request.getHeader("Access-Control-Request-Method"))
        || !headersAllowed(request.getHeader("Access-Control-Request-Headers"))) {
      Problem problem = Problem.of(ErrorCode.FORBIDDEN, "This origin, method or header is not allowed here.");
      response.setStatusCode(403).putHeader("Content-Type", Problem.MEDIA_TYPE)
          .end(problem.toJson(request.path(), null).encode());
      return;
    }
    allow(response.headers(), origin, settings.allowCredentials());
    response.setStatusCode(204)
        .putHeader("Access-Control-Allow-Methods", String.join(", ", settings.allowedMethods()))
        .putHeader("Access-Control-Allow-Headers", String.join(", ", settings.allowedHeaders()))
        .putHeader("Access-Control-Max-Age", String.valueOf(settings.maxAgeSeconds()))
        .end();
  }

  private boolean allowed(String origin) {
    return origin != null && (settings.anyOrigin() || origins.contains(origin));
  }

  private boolean headersAllowed(String requested) {
    if (requested == null || requested.isBlank()) {
      return true;
    }
    for (String header : requested.split(",")) {
      String name = header.trim().toLowerCase(Locale.ROOT);
      if (!name.isEmpty() && !headers.contains(name)) {
        return false;
      }
    }
    return true;
  }

  private void allow(MultiMap out, String origin, boolean credentials) {
    out.set("Access-Control-Allow-Origin", settings.anyOrigin() ? "*" : origin);
    if (credentials) {
      out.set("Access-Control-Allow-Credentials", "true");
    }
  }
}
