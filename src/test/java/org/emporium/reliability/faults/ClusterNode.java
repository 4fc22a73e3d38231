package org.emporium.reliability.faults;

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

/**
 * One node of the cluster: the packaged jar run as a process from its own directory (not the
 * source tree), profile {@code external}, killed with SIGKILL when the fault says so.
 */
final class ClusterNode implements AutoCloseable {

  /** Linux clock ticks per second for /proc/<pid>/stat (USER_HZ, 100 on every mainstream kernel). */
  private static final double TICKS_PER_SECOND = 100.0;

  private final String name;
  private final Process process;
  private final int httpPort;
  private final Path log;

  private ClusterNode(String name, Process process, int httpPort, Path log) {
    this.name = name;
    this.process = process;
    this.httpPort = httpPort;
    this.log = log;
  }

  static ClusterNode start(String name, Path dir, int httpPort, int clusterPort, Map<String, String> env)
      throws IOException {
    ProcessBuilder builder = jar(dir, env, dir.resolve("node.log"));
    Map<String, String> environment = builder.environment();
    environment.put("EMPORIUM_HTTP_HOST", "127.0.0.1");
    environment.put("EMPORIUM_HTTP_PORT", String.valueOf(httpPort));
    environment.put("EMPORIUM_CLUSTER_PORT", String.valueOf(clusterPort));
    environment.put("EMPORIUM_CLUSTER_PORT_AUTO_INCREMENT", "false");
    return new ClusterNode(name, builder.start(), httpPort, dir.resolve("node.log"));
  }

  private static ProcessBuilder jar(Path dir, Map<String, String> env, Path log) throws IOException {
    Files.createDirectories(dir.resolve("tmp"));
    String jar = Path.of(System.getProperty("emporium.jar", "target/emporium.jar")).toAbsolutePath().toString();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // three nodes, the servers and the load share two cores: a small heap, one GC thread, C1 only
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + dir.resolve("tmp"), "-jar", jar,
        "run", "--profile", "external"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(key -> key.startsWith("EMPORIUM_"));
    environment.putAll(env);
    environment.put("EMPORIUM_DATA_DIR", dir.toString());
    return builder;
  }

  /** Waits for {@code /health/ready} to answer 200. */
  ClusterNode awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri("/health/ready"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return this;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + logTail());
  }

  String name() {
    return name;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no drain, no goodbye to the cluster. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(name + " survived SIGKILL");
    }
  }

  /** CPU time (user + system) the process has used so far, from {@code /proc/<pid>/stat}. */
  double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
      // the command name in parentheses may hold spaces: count fields after its closing parenthesis
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    } catch (IOException e) {
      throw new UncheckedIOException("no CPU figures for " + name, e);
    }
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
