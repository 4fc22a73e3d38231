package org.emporium.edge.api;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import org.emporium.platform.config.NodeConfig.HttpSettings;

/**
 * The public port's server options: the header limit for HTTP/1.1 and HTTP/2 alike, response
 * compression (gzip or deflate, as the client asks) when {@code http.compression} is on, HTTP/2 in
 * cleartext (h2c) and, when {@code http.tls.enabled}, TLS with HTTP/2 chosen by ALPN.
 */
final class EdgeServerOptions {

  private EdgeServerOptions() {
  }

  static HttpServerOptions of(HttpSettings http) {
    HttpServerOptions options = new HttpServerOptions()
        .setMaxHeaderSize(http.maxHeaderSize())
        .setCompressionSupported(http.compression())
        .setHttp2ClearTextEnabled(true)
        .setDecompressionSupported(false);
    // the server's own HTTP/2 defaults, with the same header limit as HTTP/1.1
    options.getInitialSettings().setMaxHeaderListSize(http.maxHeaderSize());
    if (http.tls().enabled()) {
      options.setSsl(true)
          .setUseAlpn(true)
          .setKeyCertOptions(new PemKeyCertOptions()
              .setCertPath(http.tls().certPath())
              .setKeyPath(http.tls().keyPath()));
    }
    return options;
  }
}
