package org.emporium.edge.api;

import io.vertx.core.http.HttpServerResponse;
import org.emporium.platform.config.NodeConfig.TlsSettings;

/**
 * Headers on every answer of the public port but gRPC (REST, problems, health, the contract, the
 * bridge): no sniffing, no framing, no referrer, a content policy that lets nothing load or run
 * (the answers are data, and the contract a document), and HSTS when the port speaks TLS.
 */
final class SecurityHeaders {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  private final String hsts;

  SecurityHeaders(TlsSettings tls) {
    this.hsts = tls.enabled() && tls.hstsMaxAgeSeconds() > 0
        ? "max-age=" + tls.hstsMaxAgeSeconds() + "; includeSubDomains" : null;
  }

  void apply(HttpServerResponse response) {
    response.putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("X-Frame-Options", "DENY")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    if (hsts != null) {
      response.putHeader("Strict-Transport-Security", hsts);
    }
  }
}
