package org.emporium.reliability.faults;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Spreads requests over the nodes round robin, as a load balancer with passive health checks does:
 * a node that refuses a connection is left out for a few seconds, then tried again.
 */
final class Balancer {

  private static final long DOWN_MS = 3_000;

  private final List<ClusterNode> nodes;
  private final AtomicInteger next = new AtomicInteger();
  private final ConcurrentHashMap<Integer, Long> downUntil = new ConcurrentHashMap<>();

  Balancer(List<ClusterNode> nodes) {
    this.nodes = List.copyOf(nodes);
  }

  /** The index of the next node to use (every node, if all of them look down). */
  int next() {
    long now = System.currentTimeMillis();
    for (int tries = 0; tries < nodes.size(); tries++) {
      int index = Math.floorMod(next.getAndIncrement(), nodes.size());
      if (downUntil.getOrDefault(index, 0L) <= now) {
        return index;
      }
    }
    return Math.floorMod(next.getAndIncrement(), nodes.size());
  }

  ClusterNode node(int index) {
    return nodes.get(index);
  }

  void refused(int index) {
    downUntil.put(index, System.currentTimeMillis() + DOWN_MS);
  }
}
