package org.emporium.perf.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Scrapes the node's {@code /metrics} once a second for the plot: HTTP requests answered and
 * their summed time, events the relay published, and CPU. Runs until the process is stopped; each
 * line is flushed as written.
 */
final class MetricsSampler {

  static final String HEADER = "epochMs,requests,responseSeconds,published,processCpu,systemCpu,load1";

  private MetricsSampler() {
  }

  static void run(NodeApi node, Path out) throws IOException {
    try (BufferedWriter writer = Files.newBufferedWriter(out)) {
      writer.write(HEADER);
      writer.newLine();
      writer.flush();
      long next = System.nanoTime();
      while (true) {
        next += TimeUnit.SECONDS.toNanos(1);
        try {
          writer.write(line(node.get("/metrics")));
          writer.newLine();
          writer.flush();
        } catch (IOException scrapeFailed) {
          // the node may be starting or stopping; a missing second shows as a gap
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        LockSupport.parkNanos(Math.max(0, next - System.nanoTime()));
      }
    }
  }

  private static String line(String metrics) {
    double requests = 0;
    double seconds = 0;
    double published = 0;
    double processCpu = 0;
    double systemCpu = 0;
    for (String line : metrics.split("\n")) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      double value = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      if (line.startsWith("vertx_http_server_requests_total")) {
        requests += value;
      } else if (line.startsWith("vertx_http_server_response_time_seconds_sum")) {
        seconds += value;
      } else if (line.startsWith("emporium_outbox_published_total")) {
        published += value;
      } else if (line.startsWith("process_cpu_usage")) {
        processCpu = value;
      } else if (line.startsWith("system_cpu_usage")) {
        systemCpu = value;
      }
    }
    return String.format(java.util.Locale.ROOT, "%d,%.0f,%.6f,%.0f,%.4f,%.4f,%s", System.currentTimeMillis(),
        requests, seconds, published, processCpu, systemCpu, Machine.loadAverage().split(" ")[0]);
  }
}
