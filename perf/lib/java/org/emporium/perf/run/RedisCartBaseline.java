package org.emporium.perf.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * redis-benchmark running the cart's put-line script ({@code EVALSHA}) on the node's Redis with
 * the arguments the engine sends for "one more unit of a line the cart has": a real guest cart's
 * key, token hash, TTLs, SKU and line snapshot. One difference: the line-quantity cap is raised,
 * because every call hits the same line and at the default cap of 999 it would turn into a refusal.
 */
final class RedisCartBaseline {

  private static final Pattern THROUGHPUT = Pattern.compile("throughput summary: ([0-9.]+) requests per second");
  private static final Pattern SUMMARY = Pattern.compile(
      "avg\\s+min\\s+p50\\s+p95\\s+p99\\s+max\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)");
  private static final Pattern PERCENTILE = Pattern.compile("([0-9.]+)% <= ([0-9.]+) milliseconds");

  private final Endpoint redis;
  private final NodeApi node;

  RedisCartBaseline(Endpoint redis, NodeApi node) {
    this.redis = redis;
    this.node = node;
  }

  /** {@code shapes}: pairs of connections and pipeline depth. */
  ObjectNode measure(String sku, int[][] shapes, int seconds) throws Exception {
    NodeApi.Cart cart = node.cart();
    JsonNode line = node.addLine(cart, sku).path("lines").get(0);
    String snapshot = line.path("unitPrice").path("amount").asLong() + "|" + line.path("productId").asText() + "|"
        + line.path("title").asText();
    String source = resource("cart/redis/prelude.lua") + "\n" + resource("cart/redis/put-line.lua");
    String sha = scriptLoad(source);
    List<String> evalsha = List.of("EVALSHA", sha, "1", "cart:{" + cart.id() + "}",
        String.valueOf(System.currentTimeMillis()), "", hex("SHA-256", cart.token()), "604800000", "2592000000",
        cart.id(), sku, "1", "add", "2000000000", "100", snapshot);
    ObjectNode result = Json.object().put("tool", "redis-benchmark, EVALSHA put-line (the cart's add-line script)");
    ArrayNode runs = result.putArray("runs");
    ObjectNode best = null;
    for (int[] shape : shapes) {
      ObjectNode probe = once(shape, 20_000, evalsha);
      long requests = Math.max(20_000, (long) (probe.get("perSecond").asDouble() * seconds));
      ObjectNode run = requests > 20_000 ? once(shape, requests, evalsha) : probe;
      runs.add(run);
      if (best == null || run.get("perSecond").asDouble() > best.get("perSecond").asDouble()) {
        best = run;
      }
    }
    result.put("perSecond", best.get("perSecond").asDouble()).put("shape", best.get("shape").asText());
    result.set("latency", best.get("latency"));
    result.put("latencyNote", "at its best rate, closed loop: redis-benchmark cannot pace");
    return result;
  }

  private ObjectNode once(int[] shape, long requests, List<String> command) {
    List<String> args = new ArrayList<>(List.of("redis-benchmark", "-h", redis.host(), "-p",
        String.valueOf(redis.port()), "-c", String.valueOf(shape[0]), "-P", String.valueOf(shape[1]), "-n",
        String.valueOf(requests)));
    args.addAll(command);
    String out = Processes.run(args, Map.of(), 600);
    Matcher throughput = THROUGHPUT.matcher(out);
    Matcher summary = SUMMARY.matcher(out);
    if (!throughput.find() || !summary.find()) {
      throw new IllegalStateException("unexpected redis-benchmark output:\n" + out);
    }
    if (out.contains("ERR") || out.contains("NOSCRIPT")) {
      throw new IllegalStateException("redis-benchmark got errors:\n" + out);
    }
    ObjectNode latency = Json.object();
    Json.putMs(latency, "p50", Double.parseDouble(summary.group(3)));
    Json.putMs(latency, "p99", Double.parseDouble(summary.group(5)));
    Json.putMs(latency, "p999", p999(out));
    Json.putMs(latency, "max", Double.parseDouble(summary.group(6)));
    ObjectNode run = Json.object().put("shape", shape[0] + " connections, pipeline " + shape[1])
        .put("requests", requests).put("perSecond", Double.parseDouble(throughput.group(1)));
    run.set("latency", latency);
    return run;
  }

  /** The first listed percentile at or above 99.9% (an upper bound of the 99.9th). */
  private static double p999(String out) {
    Matcher m = PERCENTILE.matcher(out);
    while (m.find()) {
      if (Double.parseDouble(m.group(1)) >= 99.9) {
        return Double.parseDouble(m.group(2));
      }
    }
    return Double.NaN;
  }

  private String scriptLoad(String source) throws IOException {
    byte[] body = source.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket(redis.host(), redis.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(("*3\r\n$6\r\nSCRIPT\r\n$4\r\nLOAD\r\n$" + body.length + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.write(body);
      out.write("\r\n".getBytes(StandardCharsets.UTF_8));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String reply = in.readLine();
      if (reply != null && reply.startsWith("$")) {
        reply = in.readLine();
      }
      String sha = hex("SHA-1", source);
      if (!sha.equals(reply)) {
        throw new IllegalStateException("SCRIPT LOAD answered " + reply);
      }
      return sha;
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = RedisCartBaseline.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " is not on the classpath (the engine's classes)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String hex(String algorithm, String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
