package org.emporium.edge;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.emporium.testing.TestNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public port with {@code http.tls} on, with the self-signed certificate for localhost in
 * {@code src/test/resources/tls} (made with {@code openssl req -x509 -newkey rsa:2048 -nodes}).
 */
class HardeningTlsTest {

  private static final Path CERT = Path.of("src/test/resources/tls/localhost-cert.pem").toAbsolutePath();
  private static final Path KEY = Path.of("src/test/resources/tls/localhost-key.pem").toAbsolutePath();

  @TempDir
  static Path dataDir;
  static TestNode node;

  @BeforeAll
  static void start() {
    node = TestNode.start(dataDir, Map.of("roles", "edge", "http.tls.enabled", "true",
        "http.tls.certPath", CERT.toString(), "http.tls.keyPath", KEY.toString()));
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static WebClient client(HttpVersion version) {
    return WebClient.create(node.node().vertx(), new WebClientOptions()
        .setDefaultHost("localhost").setDefaultPort(node.httpPort())
        .setSsl(true).setUseAlpn(true).setTrustOptions(new PemTrustOptions().addCertPath(CERT.toString()))
        .setProtocolVersion(version));
  }

  @Test
  void httpsNegotiatesHttp2AndSendsHsts() throws Exception {
    WebClient client = client(HttpVersion.HTTP_2);
    try {
      // the first TLS handshake of a fresh node is slow on a busy machine
      HttpResponse<Buffer> response = client.get("/health/live").timeout(30_000).send().await(40, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.version()).isEqualTo(HttpVersion.HTTP_2);
      assertThat(response.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
      assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(response.getHeader("Server")).isNull();
      HttpResponse<Buffer> problem = client.get("/api/v1/nothing-here").timeout(10_000).send().await(15, TimeUnit.SECONDS);
      assertThat(problem.statusCode()).isEqualTo(404);
      assertThat(problem.getHeader("Strict-Transport-Security")).startsWith("max-age=");
    } finally {
      client.close();
    }
  }

  @Test
  void anHttp11ClientIsServedOverTlsToo() throws Exception {
    WebClient client = client(HttpVersion.HTTP_1_1);
    try {
      HttpResponse<Buffer> response = client.get("/health/live").timeout(30_000).send().await(40, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.version()).isEqualTo(HttpVersion.HTTP_1_1);
      assertThat(response.getHeader("Strict-Transport-Security")).startsWith("max-age=");
    } finally {
      client.close();
    }
  }

  @Test
  void cleartextIsNotServedOnATlsPort() {
    WebClient plain = WebClient.create(node.node().vertx(), new WebClientOptions()
        .setDefaultHost("localhost").setDefaultPort(node.httpPort()));
    try {
      assertThat(plain.get("/health/live").timeout(5_000).send().toCompletionStage().toCompletableFuture())
          .failsWithin(10, TimeUnit.SECONDS);
    } finally {
      plain.close();
    }
  }
}
