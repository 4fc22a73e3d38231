package org.emporium.platform.embedded;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.emporium.platform.embedded.EmbeddedServers.Endpoints;
import org.emporium.platform.embedded.EmbeddedServers.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three servers together, as a local node starts them. */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class EmbeddedServersTest {

  @TempDir
  Path dataDir;

  @Test
  void allThreeServeClientsAndRestartOnTheSameDataDirectory() throws Exception {
    try (EmbeddedServers servers = EmbeddedServers.start(new Settings(dataDir, 0, 0, 0))) {
      assertServing(servers.endpoints());
    }
    try (EmbeddedServers servers = EmbeddedServers.start(new Settings(dataDir, 0, 0, 0))) {
      assertServing(servers.endpoints());
    }
    assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
    assertThat(dataDir.resolve("redis/appendonly.aof")).exists();
    assertThat(dataDir.resolve("kafka/meta.properties")).exists();
  }

  @Test
  void whenOneServerFailsTheOthersAreStopped() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> EmbeddedServers.start(new Settings(dataDir, 0, taken.getLocalPort(), 0)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("did not start");
    }
    // PostgreSQL and Kafka released their directories: starting on them again works
    try (EmbeddedServers servers = EmbeddedServers.start(new Settings(dataDir, 0, 0, 0))) {
      assertServing(servers.endpoints());
    }
  }

  private static void assertServing(Endpoints endpoints) throws Exception {
    String url = "jdbc:postgresql://" + endpoints.postgresHost() + ":" + endpoints.postgresPort() + "/"
        + endpoints.postgresDatabase() + "?loginTimeout=10&socketTimeout=30";
    try (Connection connection = DriverManager.getConnection(url, endpoints.postgresUser(),
        endpoints.postgresPassword());
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SHOW synchronous_commit")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("on");
    }
    try (Socket socket = new Socket(endpoints.redisHost(), endpoints.redisPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(new BufferedReader(new InputStreamReader(socket.getInputStream(),
          StandardCharsets.US_ASCII)).readLine()).isEqualTo("+PONG");
    }
    try (Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers(),
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
      assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).hasSize(1);
    }
  }
}
