package org.emporium.perf.run;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until the node has worked off what an earlier load left (an overloaded step leaves
 * requests queued after its clients gave up): no HTTP request in progress but the scrape itself
 * and at most a couple answered per second, three seconds in a row.
 */
final class Settle {

  private Settle() {
  }

  static void await(NodeApi node, int timeoutSeconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    double previous = -1;
    int quiet = 0;
    while (quiet < 3) {
      if (System.nanoTime() > deadline) {
        System.out.println("the node was still busy after " + timeoutSeconds + " s; going on");
        return;
      }
      String metrics = node.get("/metrics");
      double answered = sum(metrics, "vertx_http_server_requests_total");
      double active = sum(metrics, "vertx_http_server_active_requests");
      quiet = previous >= 0 && answered - previous <= 3 && active <= 1 ? quiet + 1 : 0;
      previous = answered;
      LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
    }
  }

  private static double sum(String metrics, String name) {
    double total = 0;
    for (String line : metrics.split("\n")) {
      if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
        total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return total;
  }
}
