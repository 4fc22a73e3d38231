package org.emporium.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged jar, started as a real process (as a user would) on the test profile. */
final class NodeProcess implements AutoCloseable {

  private final Process process;
  private final int httpPort;
  private final Path log;

  private NodeProcess(Process process, int httpPort, Path log) {
    this.process = process;
    this.httpPort = httpPort;
    this.log = log;
  }

  static NodeProcess start(Path dataDir, int httpPort, int clusterPort, String... args) throws IOException {
    String jar = System.getProperty("emporium.jar", "target/emporium.jar");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-Djava.io.tmpdir=" + dataDir.resolve("tmp"), "-jar", jar));
    command.addAll(List.of(args));
    Files.createDirectories(dataDir.resolve("tmp"));
    Path log = dataDir.resolve("node.log");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("EMPORIUM_"));
    env.put("EMPORIUM_PROFILE", "test");
    env.put("EMPORIUM_DATA_DIR", dataDir.toString());
    env.put("EMPORIUM_HTTP_HOST", "127.0.0.1");
    env.put("EMPORIUM_HTTP_PORT", String.valueOf(httpPort));
    env.put("EMPORIUM_CLUSTER_PORT", String.valueOf(clusterPort));
    env.put("EMPORIUM_CLUSTER_PORT_AUTO_INCREMENT", "false");
    env.put("EMPORIUM_CLUSTER_MEMBERS", "127.0.0.1:" + clusterPort);
    return new NodeProcess(builder.start(), httpPort, log);
  }

  /** Waits for {@code /health/ready} to answer 200 and returns how long it took. */
  Duration awaitReady(Duration timeout) throws InterruptedException {
    long start = System.nanoTime();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    while (System.nanoTime() - start < timeout.toNanos()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("node exited with " + process.exitValue() + ":\n" + log());
      }
      try {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/health/ready"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("node not ready after " + timeout + ":\n" + log());
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  int httpPort() {
    return httpPort;
  }

  Process process() {
    return process;
  }

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
