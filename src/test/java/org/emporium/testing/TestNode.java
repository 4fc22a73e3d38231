package org.emporium.testing;

import io.vertx.core.json.JsonObject;
import org.emporium.platform.config.ConfigLoader;
import org.emporium.platform.config.ConfigSource;
import org.emporium.platform.config.NodeConfig;
import org.emporium.platform.node.Node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real node for tests: profile {@code test} (embedded PostgreSQL, Redis and Kafka on free ports),
 * its own data directory, HTTP and cluster ports, started in this JVM.
 */
public final class TestNode implements AutoCloseable {

  private final Node node;
  private static final int LOW_PORT = 20_000;
  private static final int HIGH_PORT = 32_000;
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();
  private static final Random RANDOM = new Random();

  private final int httpPort;

  private TestNode(Node node, int httpPort) {
    this.node = node;
    this.httpPort = httpPort;
  }

  public static TestNode start(Path dataDir) {
    return start(dataDir, Map.of());
  }

  /** Starts a node; {@code overrides} are extra {@code emporium.*} settings by dotted path. */
  public static TestNode start(Path dataDir, Map<String, String> overrides) {
    NodeConfig config = config("test", dataDir, overrides);
    Node node = new Node(config, new ConfigSource(Path.of(".")), Clock.systemUTC());
    node.start();
    return new TestNode(node, config.http().port());
  }

  /**
   * The settings of a second node that uses this node's PostgreSQL, Redis and Kafka and joins its
   * cluster: {@code settings} with a port of its own and no embedded servers.
   */
  public Map<String, String> joining(Map<String, String> settings) {
    NodeConfig a = config();
    Map<String, String> joined = new HashMap<>(settings);
    joined.put("http.port", String.valueOf(freePort()));
    joined.put("embedded.enabled", "false");
    joined.put("postgres.host", a.postgres().shared().host());
    joined.put("postgres.port", String.valueOf(a.postgres().shared().port()));
    joined.put("postgres.user", a.postgres().shared().user());
    joined.put("postgres.password", a.postgres().shared().password());
    joined.put("postgres.database", a.postgres().shared().database());
    joined.put("redis.host", a.redis().host());
    joined.put("redis.port", String.valueOf(a.redis().port()));
    joined.put("kafka.bootstrapServers", a.kafka().bootstrapServers());
    joined.put("cluster.members", "127.0.0.1:" + a.cluster().port());
    return joined;
  }

  public static NodeConfig config(String profile, Path dataDir, Map<String, String> overrides) {
    int clusterPort = freePort();
    Properties properties = new Properties();
    properties.setProperty("emporium.dataDir", dataDir.toString());
    properties.setProperty("emporium.http.host", "127.0.0.1");
    properties.setProperty("emporium.http.port", String.valueOf(freePort()));
    properties.setProperty("emporium.cluster.port", String.valueOf(clusterPort));
    properties.setProperty("emporium.cluster.portAutoIncrement", "false");
    properties.setProperty("emporium.cluster.members", "127.0.0.1:" + clusterPort);
    overrides.forEach((key, value) -> properties.setProperty("emporium." + key, value));
    JsonObject json = new ConfigLoader(Map.of(), properties, new ConfigSource(Path.of("."))).load(profile, null);
    return NodeConfig.from(json);
  }

  /**
   * A port nothing listens on, for a node's HTTP or cluster port. Taken below the kernel's
   * ephemeral range (32768 and up here), which is where the embedded servers' own free ports and
   * every outgoing connection's local port come from: a port from that range, free when chosen,
   * was sometimes taken by one of them while the node started, and its HTTP server then failed to
   * bind. Never the same port twice in one JVM.
   */
  public static int freePort() {
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = LOW_PORT + RANDOM.nextInt(HIGH_PORT - LOW_PORT);
      if (!HANDED_OUT.add(port)) {
        continue;
      }
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress("0.0.0.0", port));
        return port;
      } catch (IOException taken) {
        // in use: try another
      }
    }
    throw new UncheckedIOException(new IOException("no free port between " + LOW_PORT + " and " + HIGH_PORT));
  }

  public Node node() {
    return node;
  }

  public int httpPort() {
    return httpPort;
  }

  public NodeConfig config() {
    return node.config();
  }

  @Override
  public void close() {
    node.stop();
  }
}
