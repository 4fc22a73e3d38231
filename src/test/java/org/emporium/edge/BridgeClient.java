package org.emporium.edge;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.emporium.testing.Eventually;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The official {@code @vertx/eventbus-bridge-client.js} client, run in Node by
 * {@code src/test/js/bridge/client.js}: it performs the given steps and everything it sees is
 * collected here as JSON lines ({@code open}, {@code done}, {@code message}, {@code error}, ...).
 */
final class BridgeClient implements AutoCloseable {

  private static final Path SOURCE = Path.of("src/test/js/bridge");
  private static final Path INSTALLED = Path.of("target/bridge-client");
  private static final Duration BOUND = Duration.ofSeconds(30);

  private final Process process;
  private final List<JsonObject> lines = new CopyOnWriteArrayList<>();
  private final StringBuffer stderr = new StringBuffer();

  private BridgeClient(Process process) {
    this.process = process;
    Thread out = new Thread(() -> read(process, true), "bridge-client-out");
    Thread err = new Thread(() -> read(process, false), "bridge-client-err");
    out.setDaemon(true);
    err.setDaemon(true);
    out.start();
    err.start();
  }

  /** Installs the client from its lock file into target/ once per build. */
  static synchronized void install() throws IOException, InterruptedException {
    if (Files.isDirectory(INSTALLED.resolve("node_modules/@vertx/eventbus-bridge-client.js"))) {
      return;
    }
    Files.createDirectories(INSTALLED);
    for (String file : List.of("package.json", "package-lock.json", "client.js")) {
      Files.copy(SOURCE.resolve(file), INSTALLED.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
    Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
        .directory(INSTALLED.toFile()).redirectErrorStream(true).start();
    String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
      throw new IllegalStateException("npm ci failed: " + output);
    }
  }

  /** Connects to the bridge of {@code port} and performs {@code steps}; waits until the socket is open. */
  static BridgeClient connect(int port, JsonArray steps) throws IOException {
    return connect(port, steps, new JsonObject());
  }

  /** As {@link #connect(int, JsonArray)}, with SockJS client options (such as {@code transports}). */
  static BridgeClient connect(int port, JsonArray steps, JsonObject options) throws IOException {
    Process process = new ProcessBuilder("node", "client.js", "http://127.0.0.1:" + port + "/eventbus",
        steps.encode(), options.encode()).directory(INSTALLED.toFile()).start();
    BridgeClient client = new BridgeClient(process);
    client.await(line -> "open".equals(line.getString("event")));
    client.awaitCount(line -> "done".equals(line.getString("event")), steps.size());
    return client;
  }

  static JsonObject register(String address, String authorization) {
    JsonObject step = new JsonObject().put("op", "register").put("address", address);
    return authorization == null ? step : step.put("headers", new JsonObject().put("Authorization", authorization));
  }

  static JsonObject send(String op, String address, JsonObject body, String authorization) {
    JsonObject step = new JsonObject().put("op", op).put("address", address).put("body", body).put("reply", true);
    return authorization == null ? step : step.put("headers", new JsonObject().put("Authorization", authorization));
  }

  List<JsonObject> lines() {
    return List.copyOf(lines);
  }

  List<JsonObject> events(String event) {
    return lines.stream().filter(line -> event.equals(line.getString("event"))).toList();
  }

  /** The bodies of the messages received on {@code address}. */
  List<JsonObject> messages(String address) {
    return events("message").stream().filter(line -> address.equals(line.getString("address")))
        .map(line -> line.getJsonObject("body")).toList();
  }

  JsonObject await(Predicate<JsonObject> line) {
    return Eventually.eventually(() -> lines.stream().filter(line).findFirst().orElse(null), found -> {
      if (!process.isAlive() && found == null) {
        throw new AssertionError("the client ended: " + lines + " " + stderr);
      }
      return found != null;
    }, BOUND);
  }

  void awaitCount(Predicate<JsonObject> line, int count) {
    Eventually.eventually(() -> lines.stream().filter(line).count(), n -> n >= count, BOUND);
  }

  private void read(Process process, boolean out) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        out ? process.getInputStream() : process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (out) {
          lines.add(new JsonObject(line));
        } else {
          stderr.append(line).append('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws Exception {
    process.getOutputStream().close();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
