package org.emporium.platform.node;

import org.emporium.platform.config.ConfigSource;
import org.emporium.platform.config.NodeConfig;
import org.emporium.testing.TestNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A stop asked for while the node is starting (SIGTERM during start-up) waits, then stops it all. */
class StopDuringStartTest {

  @TempDir
  Path dataDir;

  @Test
  void stopDuringStartLeavesNothingRunning() throws Exception {
    NodeConfig config = TestNode.config("test", dataDir, Map.of());
    Node node = new Node(config, new ConfigSource(Path.of(".")), Clock.systemUTC());
    CompletableFuture<Void> starting = CompletableFuture.runAsync(node::start);
    Thread.sleep(300); // the embedded servers are starting now
    node.stop();

    starting.get(60, TimeUnit.SECONDS);
    assertThat(node.readiness().state()).isEqualTo(Readiness.State.DRAINING);
    assertThat(node.vertx()).isNull();
    assertThat(listening(node.config().http().port())).as("edge port").isFalse();
    assertThat(listening(node.config().postgres().shared().port())).as("embedded PostgreSQL").isFalse();
    assertThat(listening(node.config().redis().port())).as("embedded Redis").isFalse();
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }
}
