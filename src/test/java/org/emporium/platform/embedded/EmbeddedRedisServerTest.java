package org.emporium.platform.embedded;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.core.ExecutableProvider;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real redis-server on a temporary data directory: append-only persistence across restarts. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbeddedRedisServerTest {

  private static Vertx vertx;

  @TempDir
  Path dataDir;

  private EmbeddedRedisServer server;

  @BeforeAll
  static void vertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void keysSurviveARestartThroughTheAppendOnlyFile() throws Exception {
    Path directory = dataDir.resolve("redis");
    server = EmbeddedRedisServer.start(directory, 0);
    assertThat(redis(server.port(), api -> api.config(List.of("GET", "appendfsync")))
        .get(1).toString()).isEqualTo("everysec");
    assertThat(redis(server.port(), api -> api.config(List.of("GET", "dir")))
        .get(1).toString()).isEqualTo(directory.toAbsolutePath().toString());
    redis(server.port(), api -> api.set(List.of("cart:c-1", "3 items")));
    server.stop();
    assertThat(Files.readString(directory.resolve("appendonly.aof"))).contains("cart:c-1");

    server = EmbeddedRedisServer.start(directory, 0);
    assertThat(redis(server.port(), api -> api.get("cart:c-1")).toString()).isEqualTo("3 items");
  }

  @Test
  void aSecondServerOnTheSameDirectoryIsRefused() {
    Path directory = dataDir.resolve("redis");
    server = EmbeddedRedisServer.start(directory, 0);
    assertThatThrownBy(() -> EmbeddedRedisServer.start(directory, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("in use");
  }

  @Test
  void stopsARedisLeftRunningByAKilledRun() throws Exception {
    Path directory = Files.createDirectories(dataDir.resolve("redis")).toAbsolutePath();
    // what a node killed with SIGKILL leaves: a redis-server on its directory, no lock held
    int orphanPort = FreePorts.pick(1)[0];
    Process orphan = new ProcessBuilder(ExecutableProvider.newJarResourceProvider().get().getPath(),
        "--bind", "127.0.0.1", "--port", Integer.toString(orphanPort), "--dir", directory.toString(),
        "--pidfile", directory.resolve("redis.pid").toString(), "--appendonly", "yes")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Files.exists(directory.resolve("redis.pid")) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    redis(orphanPort, api -> api.set(List.of("order:o-9", "paid")));

    server = EmbeddedRedisServer.start(directory, 0);
    assertThat(orphan.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(redis(server.port(), api -> api.get("order:o-9")).toString()).isEqualTo("paid");
  }

  private static Response redis(int port, Function<RedisAPI, Future<Response>> command)
      throws Exception {
    Redis client = Redis.createClient(vertx, new RedisOptions()
        .setConnectionString("redis://127.0.0.1:" + port)
        .setPreferredProtocolVersion(ProtocolVersion.RESP2));
    try {
      return command.apply(RedisAPI.api(client)).await(10, TimeUnit.SECONDS);
    } finally {
      client.close();
    }
  }
}
